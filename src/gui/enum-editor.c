/* enum-editor.c — the Properties pane's editor of an enumeration: a combo of its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include "enum-editor.h"
#include "gui-private.h"

struct _UeEnumEditor
{
  UePropertyEditor parent_instance;

  GtkComboBoxText *combo;
};

G_DEFINE_FINAL_TYPE (UeEnumEditor, ue_enum_editor, UE_TYPE_PROPERTY_EDITOR)

static void
ue_enum_editor_load (UePropertyEditor *editor,
                     const char       *value)
{
  UeEnumEditor *self = UE_ENUM_EDITOR (editor);

  /* a value outside the enumeration (a template placeholder, a typo) shows as no choice */
  if (value == NULL || !gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->combo), value))
    gtk_combo_box_set_active (GTK_COMBO_BOX (self->combo), -1);
}

static void
changed_cb (UeEnumEditor *self,
            GtkComboBox  *combo)
{
  const char *id = gtk_combo_box_get_active_id (combo);

  if (ue_property_editor_is_loading (UE_PROPERTY_EDITOR (self)) || id == NULL)
    return;
  ue_property_editor_commit (UE_PROPERTY_EDITOR (self), id);
}

static void
ue_enum_editor_constructed (GObject *object)
{
  UeEnumEditor *self = UE_ENUM_EDITOR (object);
  UeSettingDef *def = ue_property_editor_get_def (UE_PROPERTY_EDITOR (self));

  G_OBJECT_CLASS (ue_enum_editor_parent_class)->constructed (object);
  for (guint i = 0; def != NULL && def->enum_values != NULL && def->enum_values[i] != NULL; i++)
    gtk_combo_box_text_append (self->combo, def->enum_values[i], def->enum_values[i]);
  _ue_widget_set_accessible_name (GTK_WIDGET (self->combo),
                                  ue_property_editor_get_name (UE_PROPERTY_EDITOR (self)));
}

static void
ue_enum_editor_class_init (UeEnumEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = ue_enum_editor_constructed;
  UE_PROPERTY_EDITOR_CLASS (klass)->load = ue_enum_editor_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/enum-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UeEnumEditor, combo);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
ue_enum_editor_init (UeEnumEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
