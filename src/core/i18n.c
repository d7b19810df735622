/* i18n.c — locale and message catalog set-up shared by the editor and unattend-tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ue-core"

#include <glib/gi18n.h>
#include <locale.h>

#include "i18n.h"

void
ue_i18n_init (void)
{
  /* a program run from the build tree (tests, ./run.sh) has its translations in the build's
   * po/ folder, not yet in LOCALEDIR; installed, nothing sets the variable */
  const char *dir = g_getenv ("UE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  /* GLib and GTK want UTF-8 whatever the locale's own character set */
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
