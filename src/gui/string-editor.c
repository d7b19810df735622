/* string-editor.c — the Properties pane's editor of a string: an entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change is written at once: the selection may move away at any moment, and the
 * document merges typing into one value into one undo step.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include "string-editor.h"
#include "gui-private.h"

struct _UeStringEditor
{
  UePropertyEditor parent_instance;

  GtkEntry *entry;
  gboolean  in_file;   /* the loaded setting exists (an empty entry then means "") */
};

G_DEFINE_FINAL_TYPE (UeStringEditor, ue_string_editor, UE_TYPE_PROPERTY_EDITOR)

static void
ue_string_editor_load (UePropertyEditor *editor,
                       const char       *value)
{
  UeStringEditor *self = UE_STRING_EDITOR (editor);
  UeSettingDef *def = ue_property_editor_get_def (editor);

  self->in_file = value != NULL;
  gtk_entry_set_text (self->entry, value != NULL ? value : "");
  gtk_entry_set_placeholder_text (self->entry, def != NULL ? def->default_value : NULL);
  if (def != NULL && def->max_length > 0)
    gtk_entry_set_max_length (self->entry, def->max_length);
}

static void
commit_entry (UeStringEditor *self)
{
  const char *text = gtk_entry_get_text (self->entry);

  /* leaving an empty entry of a setting the file lacks adds nothing */
  if (!self->in_file && *text == '\0')
    return;
  ue_property_editor_commit (UE_PROPERTY_EDITOR (self), text);
}

static void
changed_cb (UeStringEditor *self,
            GtkEntry       *entry)
{
  if (!ue_property_editor_is_loading (UE_PROPERTY_EDITOR (self)))
    commit_entry (self);
}

static void
ue_string_editor_constructed (GObject *object)
{
  UeStringEditor *self = UE_STRING_EDITOR (object);

  G_OBJECT_CLASS (ue_string_editor_parent_class)->constructed (object);
  _ue_widget_set_accessible_name (GTK_WIDGET (self->entry),
                                  ue_property_editor_get_name (UE_PROPERTY_EDITOR (self)));
}

static void
ue_string_editor_class_init (UeStringEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = ue_string_editor_constructed;
  UE_PROPERTY_EDITOR_CLASS (klass)->load = ue_string_editor_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/string-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UeStringEditor, entry);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
ue_string_editor_init (UeStringEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
