/* cli-util.c — diagnostics and option parsing shared by the commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void
ue_cli_error (const char *format,
              ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "unattend-tool: error: %s\n", message);
}

int
ue_cli_report (const GError *error,
               const char   *file)
{
  /* core messages about a file already carry "FILE:LINE:COL: error:" */
  if (strstr (error->message, ": error: ") != NULL || file == NULL)
    fprintf (stderr, "%s\n", error->message);
  else
    fprintf (stderr, "%s: error: %s\n", file, error->message);
  return UE_EXIT_FAILURE;
}

gboolean
ue_cli_parse (GOptionContext  *context,
              int             *argc,
              char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      ue_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}
