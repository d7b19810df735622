/* main.c — unattend-tool: answer files and catalogs from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/i18n.h"

typedef struct
{
  const char   *name;
  UeCommandFunc func;
  const char   *usage;
} UeCommand;

static const UeCommand commands[] = {
  { "show",   ue_cmd_show,   N_("show FILE [--json] [--show-secrets]") },
  { "set",    ue_cmd_set,    N_("set FILE [-o OUT] [--arch ARCH] PATH=VALUE...") },
  { "unset",  ue_cmd_unset,  N_("unset FILE [-o OUT] [--arch ARCH] PATH...") },
  { "new",    ue_cmd_new,    N_("new [--template NAME] [-o OUT] | new --list") },
  { "merge",  ue_cmd_merge,  N_("merge BASE OTHER [-o OUT] [--prefer base|other]") },
  { "secret", ue_cmd_secret, N_("secret encode|decode ELEMENT VALUE") },
  { "validate", ue_cmd_validate, N_("validate [--catalog CATALOG | --image WIM[:N]] [--json] FILE...") },
  { "manifest", ue_cmd_manifest, N_("manifest FILE [--base WCP.DLL|BLOB]") },
  { "images", ue_cmd_images, N_("images [--json] WIM") },
  { "catalog", ue_cmd_catalog, N_("catalog build WIM[:INDEX|:NAME] [-o CATALOG] | catalog show [CATALOG] [--json] [COMPONENT]") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: unattend-tool COMMAND [ARGS…]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  unattend-tool %s\n", _(commands[i].usage));
}

int
main (int   argc,
      char *argv[])
{
  ue_i18n_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return UE_EXIT_FAILURE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return UE_EXIT_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("unattend-tool %s\n", PACKAGE_VERSION);
      return UE_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  ue_cli_error (_("unknown command “%s”"), argv[1]);
  print_usage (stderr);
  return UE_EXIT_FAILURE;
}
