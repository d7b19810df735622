/* main.c — unattend-editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "application.h"
#include "core/i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UeApplication) app = NULL;

  ue_i18n_init ();
  g_set_application_name (_("Unattend Editor"));

  app = ue_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
