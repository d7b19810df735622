/* integer-editor.c — the Properties pane's editor of an integer: a spin button honouring the range
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "integer-editor.h"
#include "gui-private.h"

struct _UeIntegerEditor
{
  UePropertyEditor parent_instance;

  GtkSpinButton *spin_button;
  GtkAdjustment *adjustment;
};

G_DEFINE_FINAL_TYPE (UeIntegerEditor, ue_integer_editor, UE_TYPE_PROPERTY_EDITOR)

static void
ue_integer_editor_load (UePropertyEditor *editor,
                        const char       *value)
{
  UeIntegerEditor *self = UE_INTEGER_EDITOR (editor);
  UeSettingDef *def = ue_property_editor_get_def (editor);
  const char *shown = value;

  if ((shown == NULL || *shown == '\0') && def != NULL)
    shown = def->default_value;
  gtk_spin_button_set_value (self->spin_button,
                             shown != NULL ? g_ascii_strtod (shown, NULL) : gtk_adjustment_get_lower (self->adjustment));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spin_button),
                               value == NULL ? _("Not set: the default is shown") : NULL);
}

static void
value_changed_cb (UeIntegerEditor *self,
                  GtkSpinButton   *spin)
{
  char text[32];

  if (ue_property_editor_is_loading (UE_PROPERTY_EDITOR (self)))
    return;
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, (gint64) gtk_spin_button_get_value (spin));
  ue_property_editor_commit (UE_PROPERTY_EDITOR (self), text);
}

static void
ue_integer_editor_constructed (GObject *object)
{
  UeIntegerEditor *self = UE_INTEGER_EDITOR (object);
  UeSettingDef *def = ue_property_editor_get_def (UE_PROPERTY_EDITOR (self));
  /* unsignedInt is the widest kind the schemas use */
  double lower = 0, upper = G_MAXUINT32;

  G_OBJECT_CLASS (ue_integer_editor_parent_class)->constructed (object);
  if (def != NULL && def->xsd_type != NULL && g_str_has_prefix (def->xsd_type, "int"))
    lower = G_MININT32;
  if (def != NULL && def->has_min)
    lower = def->min;
  if (def != NULL && def->has_max)
    upper = def->max;
  gtk_adjustment_configure (self->adjustment, lower, lower, upper, 1, 10, 0);
  _ue_widget_set_accessible_name (GTK_WIDGET (self->spin_button),
                                  ue_property_editor_get_name (UE_PROPERTY_EDITOR (self)));
}

static void
ue_integer_editor_class_init (UeIntegerEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->constructed = ue_integer_editor_constructed;
  UE_PROPERTY_EDITOR_CLASS (klass)->load = ue_integer_editor_load;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/integer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, UeIntegerEditor, spin_button);
  gtk_widget_class_bind_template_child (widget_class, UeIntegerEditor, adjustment);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);
}

static void
ue_integer_editor_init (UeIntegerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
