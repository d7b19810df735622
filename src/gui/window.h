/* window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "application.h"

G_BEGIN_DECLS

#define UE_TYPE_WINDOW (ue_window_get_type ())
G_DECLARE_FINAL_TYPE (UeWindow, ue_window, UE, WINDOW, GtkApplicationWindow)

UeWindow *ue_window_new       (UeApplication *application);
void      ue_window_open_file (UeWindow      *self,
                               GFile         *file);

/* "install.wim", "install.wim:2" or "install.esd:Image Name": asks for the image when the
 * file holds several and the spec names none; uses the cache or builds the catalog */
void      ue_window_load_image   (UeWindow      *self,
                                  const char    *spec);
void      ue_window_load_catalog (UeWindow      *self,
                                  const char    *path);

/* offers, in an info bar, the unsaved work a crashed or killed editor left behind */
void      ue_window_offer_recovery (UeWindow     *self);

G_END_DECLS
