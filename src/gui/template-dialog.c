/* template-dialog.c — File ▸ New from Template…: the shipped templates, title and description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "core/template-list.h"
#include "template-dialog.h"

enum
{
  COLUMN_NAME,
  COLUMN_TITLE,
  COLUMN_DESCRIPTION,
};

struct _UeTemplateDialog
{
  GtkDialog parent_instance;

  GtkListStore     *store;
  GtkTreeSelection *selection;
  char             *name;
};

G_DEFINE_FINAL_TYPE (UeTemplateDialog, ue_template_dialog, GTK_TYPE_DIALOG)

static void
selection_changed_cb (UeTemplateDialog *self)
{
  GtkTreeModel *model;
  GtkTreeIter iter;

  g_clear_pointer (&self->name, g_free);
  if (gtk_tree_selection_get_selected (self->selection, &model, &iter))
    gtk_tree_model_get (model, &iter, COLUMN_NAME, &self->name, -1);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_OK, self->name != NULL);
}

static void
row_activated_cb (UeTemplateDialog *self)
{
  if (self->name != NULL)
    gtk_dialog_response (GTK_DIALOG (self), GTK_RESPONSE_OK);
}

static void
ue_template_dialog_finalize (GObject *object)
{
  UeTemplateDialog *self = UE_TEMPLATE_DIALOG (object);

  g_free (self->name);
  G_OBJECT_CLASS (ue_template_dialog_parent_class)->finalize (object);
}

static void
ue_template_dialog_class_init (UeTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ue_template_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UeTemplateDialog, store);
  gtk_widget_class_bind_template_child (widget_class, UeTemplateDialog, selection);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ue_template_dialog_init (UeTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UeTemplateDialog *
ue_template_dialog_new (GtkWindow *parent,
                        GPtrArray *templates)
{
  UeTemplateDialog *self;
  GtkTreeIter iter;

  g_return_val_if_fail (templates != NULL, NULL);

  self = g_object_new (UE_TYPE_TEMPLATE_DIALOG, "transient-for", parent, "use-header-bar", TRUE, NULL);
  for (guint i = 0; i < templates->len; i++)
    {
      UeTemplateInfo *info = g_ptr_array_index (templates, i);

      gtk_list_store_insert_with_values (self->store, NULL, -1, COLUMN_NAME, info->name,
                                         COLUMN_TITLE, info->title, COLUMN_DESCRIPTION, info->description,
                                         -1);
    }
  if (gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->store), &iter))
    gtk_tree_selection_select_iter (self->selection, &iter);
  selection_changed_cb (self);
  return self;
}

const char *
ue_template_dialog_get_name (UeTemplateDialog *self)
{
  g_return_val_if_fail (UE_IS_TEMPLATE_DIALOG (self), NULL);
  return self->name;
}
