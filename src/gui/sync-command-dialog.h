/* sync-command-dialog.h — asks for a command and the pass it runs in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UE_TYPE_SYNC_COMMAND_DIALOG (ue_sync_command_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UeSyncCommandDialog, ue_sync_command_dialog, UE, SYNC_COMMAND_DIALOG, GtkDialog)

/* pass: the pass to offer first (a name; NULL or a pass without commands: oobeSystem) */
UeSyncCommandDialog *ue_sync_command_dialog_new         (GtkWindow           *parent,
                                                         const char          *pass);
const char          *ue_sync_command_dialog_get_command (UeSyncCommandDialog *self);
const char          *ue_sync_command_dialog_get_pass    (UeSyncCommandDialog *self);

G_END_DECLS
