/* i18n.h — locale and message catalog set-up shared by the editor and unattend-tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* setlocale from the environment, then bind GETTEXT_PACKAGE in UTF-8 to the folder of the
 * compiled translations and make it the default text domain: $UE_LOCALEDIR when set and not
 * empty (a build tree's po/ folder), otherwise the LOCALEDIR of the build. Call first in main(). */
void ue_i18n_init (void);

G_END_DECLS
