/* boolean-editor.c — the Properties pane's editor of a boolean: a check button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A setting that is not in the file shows its default, drawn inconsistent, so one
 * click writes the opposite of what Windows would do anyway.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include "boolean-editor.h"
#include "gui-private.h"

struct _UeBooleanEditor
{
  UePropertyEditor parent_instance;

  GtkToggleButton *check_button;
};

G_DEFINE_FINAL_TYPE (UeBooleanEditor, ue_boolean_editor, UE_TYPE_PROPERTY_EDITOR)

static gboolean
parse_boolean (const char *text)
{
  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || g_strcmp0 (text, "1") == 0);
}

static void
ue_boolean_editor_load (UePropertyEditor *editor,
                        const char       *value)
{
  UeBooleanEditor *self = UE_BOOLEAN_EDITOR (editor);
  UeSettingDef *def = ue_property_editor_get_def (editor);
  gboolean unset = value == NULL || *value == '\0';

  gtk_toggle_button_set_active (self->check_button,
                                parse_boolean (unset && def != NULL ? def->default_value : value));
  gtk_toggle_button_set_inconsistent (self->check_button, unset);
}

static void
toggled_cb (UeBooleanEditor *self,
            GtkToggleButton *button)
{
  if (ue_property_editor_is_loading (UE_PROPERTY_EDITOR (self)))
    return;
  gtk_toggle_button_set_inconsistent (button, FALSE);
  ue_property_editor_commit (UE_PROPERTY_EDITOR (self), gtk_toggle_button_get_active (button) ? "true" : "false");
}

static void
ue_boolean_editor_constructed (GObject *object)
{
  UeBooleanEditor *self = UE_BOOLEAN_EDITOR (object);

  G_OBJECT_CLASS (ue_boolean_editor_parent_class)->constructed (object);
  _ue_widget_set_accessible_name (GTK_WIDGET (self->check_button),
                                  ue_property_editor_get_name (UE_PROPERTY_EDITOR (self)));
}

static void
ue_boolean_editor_class_init (UeBooleanEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = ue_boolean_editor_constructed;
  UE_PROPERTY_EDITOR_CLASS (klass)->load = ue_boolean_editor_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/boolean-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UeBooleanEditor, check_button);
  gtk_widget_class_bind_template_callback (widget_class, toggled_cb);
}

static void
ue_boolean_editor_init (UeBooleanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
