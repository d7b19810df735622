/* cmd-validate.c — unattend-tool validate: check answer files against a catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Messages go to stderr as "FILE:LINE:COL: error|warning: text"; --json also prints
 * them on stdout. Exit 0 when no file has errors, 1 when one has, 2 when a file could
 * not be read or parsed (or bad usage).
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli.h"
#include "core/answer-doc.h"
#include "core/validator.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_message_json (GString   *out,
                     UeMessage *message)
{
  g_string_append (out, "{\"severity\": ");
  append_json_string (out, ue_message_severity_to_string (ue_message_get_severity (message)));
  g_string_append_printf (out, ", \"line\": %u, \"column\": %u, \"text\": ",
                          ue_message_get_line (message), ue_message_get_column (message));
  append_json_string (out, ue_message_get_text (message));
  g_string_append (out, ", \"path\": ");
  if (ue_message_get_path (message) != NULL)
    append_json_string (out, ue_message_get_path (message));
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
}

/* validates one file; returns its exit code and appends its JSON object to json */
static int
validate_file (UeValidator *validator,
               const char  *file,
               GString     *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_file (file, &error);
  GListModel *messages;
  guint n_errors;

  g_string_append (json, "{\"file\": ");
  append_json_string (json, file);
  if (doc == NULL)
    {
      g_string_append (json, ", \"readable\": false, \"error\": ");
      append_json_string (json, error->message);
      g_string_append (json, "}");
      return ue_cli_report (error, file);
    }

  n_errors = ue_validator_run (validator, doc);
  messages = ue_validator_get_messages (validator);
  g_string_append_printf (json, ", \"readable\": true, \"valid\": %s, \"errors\": %u, \"warnings\": %u, \"messages\": [",
                          n_errors == 0 ? "true" : "false", n_errors, ue_validator_get_n_warnings (validator));
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *line = ue_message_format (message);

      fprintf (stderr, "%s\n", line);
      if (i > 0)
        g_string_append (json, ", ");
      append_message_json (json, message);
    }
  g_string_append (json, "]}");
  ue_validator_clear (validator);
  return n_errors > 0 ? UE_EXIT_INVALID : UE_EXIT_OK;
}

int
ue_cmd_validate (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Also print the messages as JSON on stdout"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check answer files"));
  g_autoptr(UeValidator) validator = NULL;
  g_autoptr(GString) out = g_string_new ("{\"files\": [");
  int status = UE_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc < 2)
    {
      ue_cli_error (_("validate needs at least one FILE"));
      return UE_EXIT_FAILURE;
    }

  validator = ue_validator_new (NULL);
  for (int i = 1; i < argc; i++)
    {
      int result;

      if (i > 1)
        g_string_append (out, ", ");
      result = validate_file (validator, argv[i], out);
      status = MAX (status, result);
    }
  g_string_append (out, "]}\n");
  if (json)
    fputs (out->str, stdout);
  return status;
}
