/* application.h — the Unattend Editor GtkApplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UE_TYPE_APPLICATION (ue_application_get_type ())
G_DECLARE_FINAL_TYPE (UeApplication, ue_application, UE, APPLICATION, GtkApplication)

UeApplication *ue_application_new        (void);
/* a window with the catalog given on the command line (a UeWindow) */
GtkWindow     *ue_application_new_window (UeApplication *self);

G_END_DECLS
