/* cmd-secret.c — unattend-tool secret encode|decode ELEMENT VALUE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/secret.h"

int
ue_cmd_secret (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  if (argc != 4 || (strcmp (argv[1], "encode") != 0 && strcmp (argv[1], "decode") != 0))
    {
      ue_cli_error (_("usage: unattend-tool secret encode|decode ELEMENT VALUE"));
      return UE_EXIT_FAILURE;
    }
  if (!ue_secret_is_password_element (argv[2]))
    {
      ue_cli_error (_("“%s” is not a password element (Password, AdministratorPassword, OfflineAdministratorPassword)"),
                    argv[2]);
      return UE_EXIT_FAILURE;
    }
  if (strcmp (argv[1], "encode") == 0)
    out = ue_secret_encode (argv[2], argv[3]);
  else
    out = ue_secret_decode (argv[2], argv[3], &error);
  if (out == NULL)
    {
      ue_cli_error ("%s", error ? error->message : _("the value is not valid UTF-8"));
      return UE_EXIT_FAILURE;
    }
  printf ("%s\n", out);
  return UE_EXIT_OK;
}
