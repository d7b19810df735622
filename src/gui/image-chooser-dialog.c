/* image-chooser-dialog.c — picks one image of a WIM/ESD: name, edition, architecture, build
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "core/wim-source.h"
#include "image-chooser-dialog.h"

enum { COL_INDEX, COL_NAME, COL_EDITION, COL_ARCH, COL_BUILD };

struct _UeImageChooserDialog
{
  GtkDialog parent_instance;

  GtkListStore *store;
  GtkTreeView  *tree_view;
  GtkLabel     *file_label;
};

G_DEFINE_FINAL_TYPE (UeImageChooserDialog, ue_image_chooser_dialog, GTK_TYPE_DIALOG)

static void
row_activated_cb (UeImageChooserDialog *self)
{
  gtk_dialog_response (GTK_DIALOG (self), GTK_RESPONSE_OK);
}

static void
ue_image_chooser_dialog_class_init (UeImageChooserDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/image-chooser-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UeImageChooserDialog, store);
  gtk_widget_class_bind_template_child (widget_class, UeImageChooserDialog, tree_view);
  gtk_widget_class_bind_template_child (widget_class, UeImageChooserDialog, file_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ue_image_chooser_dialog_init (UeImageChooserDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

UeImageChooserDialog *
ue_image_chooser_dialog_new (GtkWindow  *parent,
                             const char *path,
                             GPtrArray  *images)
{
  UeImageChooserDialog *self;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  GtkTreeIter first;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (images != NULL, NULL);

  self = g_object_new (UE_TYPE_IMAGE_CHOOSER_DIALOG, "transient-for", parent, "use-header-bar", TRUE, NULL);
  base = g_path_get_basename (path);
  text = g_strdup_printf (_("%s holds %u images. Which one will this answer file install?"), base, images->len);
  gtk_label_set_text (self->file_label, text);
  for (guint i = 0; i < images->len; i++)
    {
      UeWimImage *image = g_ptr_array_index (images, i);

      gtk_list_store_insert_with_values (self->store, NULL, -1,
                                         COL_INDEX, image->index, COL_NAME, image->name,
                                         COL_EDITION, image->edition, COL_ARCH, image->arch,
                                         COL_BUILD, image->version != NULL ? image->version : image->build, -1);
    }
  if (gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->store), &first))
    gtk_tree_selection_select_iter (gtk_tree_view_get_selection (self->tree_view), &first);
  return self;
}

guint
ue_image_chooser_dialog_get_index (UeImageChooserDialog *self)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  guint index = 0;

  g_return_val_if_fail (UE_IS_IMAGE_CHOOSER_DIALOG (self), 0);

  if (gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->tree_view), &model, &iter))
    gtk_tree_model_get (model, &iter, COL_INDEX, &index, -1);
  return index;
}
