/* sync-command-dialog.c — asks for a command and the pass it runs in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>

#include "sync-command-dialog.h"

struct _UeSyncCommandDialog
{
  GtkDialog parent_instance;

  GtkEntry        *command_entry;
  GtkComboBoxText *pass_combo;
};

G_DEFINE_FINAL_TYPE (UeSyncCommandDialog, ue_sync_command_dialog, GTK_TYPE_DIALOG)

static void
update_response_cb (UeSyncCommandDialog *self)
{
  const char *text = gtk_entry_get_text (self->command_entry);

  gtk_dialog_set_response_sensitive (GTK_DIALOG (self), GTK_RESPONSE_OK, *text != '\0');
}

static void
ue_sync_command_dialog_class_init (UeSyncCommandDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/unattendeditor/UnattendEditor/sync-command-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UeSyncCommandDialog, command_entry);
  gtk_widget_class_bind_template_child (widget_class, UeSyncCommandDialog, pass_combo);
  gtk_widget_class_bind_template_callback (widget_class, update_response_cb);
}

static void
ue_sync_command_dialog_init (UeSyncCommandDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_response_cb (self);
}

UeSyncCommandDialog *
ue_sync_command_dialog_new (GtkWindow  *parent,
                            const char *pass)
{
  UeSyncCommandDialog *self = g_object_new (UE_TYPE_SYNC_COMMAND_DIALOG, "transient-for", parent, "use-header-bar", TRUE, NULL);

  if (pass == NULL || !gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->pass_combo), pass))
    gtk_combo_box_set_active_id (GTK_COMBO_BOX (self->pass_combo), "oobeSystem");
  return self;
}

const char *
ue_sync_command_dialog_get_command (UeSyncCommandDialog *self)
{
  g_return_val_if_fail (UE_IS_SYNC_COMMAND_DIALOG (self), NULL);
  return gtk_entry_get_text (self->command_entry);
}

const char *
ue_sync_command_dialog_get_pass (UeSyncCommandDialog *self)
{
  g_return_val_if_fail (UE_IS_SYNC_COMMAND_DIALOG (self), NULL);
  return gtk_combo_box_get_active_id (GTK_COMBO_BOX (self->pass_combo));
}
