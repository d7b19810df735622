/* cli.h — unattend-tool commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command takes its own argv (argv[0] is the command name) and returns the exit
 * code of DESIGN.md: 0 done / valid, 1 the file has errors, 2 unreadable input or bad usage.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum { UE_EXIT_OK = 0, UE_EXIT_INVALID = 1, UE_EXIT_FAILURE = 2 };

typedef int (*UeCommandFunc) (int argc, char **argv);

int ue_cmd_show     (int argc, char **argv);
int ue_cmd_set      (int argc, char **argv);
int ue_cmd_unset    (int argc, char **argv);
int ue_cmd_secret   (int argc, char **argv);
int ue_cmd_validate (int argc, char **argv);
int ue_cmd_manifest (int argc, char **argv);
int ue_cmd_images   (int argc, char **argv);
int ue_cmd_catalog  (int argc, char **argv);
int ue_cmd_new      (int argc, char **argv);
int ue_cmd_merge    (int argc, char **argv);

/* shared helpers (cli-util.c) */
/* print "PREFIX: error: message" style diagnostics on stderr */
void ue_cli_error   (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* a GError whose message is already "FILE:LINE:COL: error: …" or a plain message */
int  ue_cli_report  (const GError *error, const char *file);
/* parse options; on failure prints the reason and returns FALSE */
gboolean ue_cli_parse (GOptionContext *context, int *argc, char ***argv);

G_END_DECLS
