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
#include <unistd.h>

#include "cli.h"
#include "cli-json.h"
#include "core/answer-doc.h"
#include "core/catalog-file.h"
#include "core/validator.h"
#include "core/wim-source.h"

static void
message_to_json (UeJson    *j,
                 UeMessage *message)
{
  ue_json_begin_object (j);
  ue_json_key (j, "severity");
  ue_json_string (j, ue_message_severity_to_string (ue_message_get_severity (message)));
  ue_json_key (j, "line");
  ue_json_int (j, ue_message_get_line (message));
  ue_json_key (j, "column");
  ue_json_int (j, ue_message_get_column (message));
  ue_json_key (j, "text");
  ue_json_string (j, ue_message_get_text (message));
  ue_json_key (j, "path");
  ue_json_string (j, ue_message_get_path (message));
  ue_json_end_object (j);
}

/* validates one file; returns its exit code and writes its JSON object */
static int
validate_file (UeValidator *validator,
               const char  *file,
               UeJson      *j)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_file (file, &error);
  GListModel *messages;
  guint n_errors;

  ue_json_begin_object (j);
  ue_json_key (j, "file");
  ue_json_string (j, file);
  ue_json_key (j, "readable");
  ue_json_bool (j, doc != NULL);
  if (doc == NULL)
    {
      ue_json_key (j, "error");
      ue_json_string (j, error->message);
      ue_json_end_object (j);
      return ue_cli_report (error, file);
    }

  n_errors = ue_validator_run (validator, doc);
  messages = ue_validator_get_messages (validator);
  ue_json_key (j, "valid");
  ue_json_bool (j, n_errors == 0);
  ue_json_key (j, "errors");
  ue_json_int (j, n_errors);
  ue_json_key (j, "warnings");
  ue_json_int (j, ue_validator_get_n_warnings (validator));
  ue_json_key (j, "messages");
  ue_json_begin_array (j);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *line = ue_message_format (message);

      fprintf (stderr, "%s\n", line);
      message_to_json (j, message);
    }
  ue_json_end_array (j);
  ue_json_end_object (j);
  ue_validator_clear (validator);
  return n_errors > 0 ? UE_EXIT_INVALID : UE_EXIT_OK;
}

static void
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  /* the carriage return stays out of the message: translators never see control characters */
  fputc ('\r', stderr);
  fprintf (stderr, _("Reading manifests: %u of %u"), done, total);
  if (done == total)
    fputc ('\n', stderr);
  fflush (stderr);
}

/* the catalog named on the command line, or the embedded one; NULL after a message */
static UeCatalog *
open_catalog (const char *catalog_file,
              const char *image_spec)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *image = NULL;
  UeCatalog *catalog;

  if (catalog_file != NULL)
    {
      catalog = ue_catalog_file_load (catalog_file, &error);
      if (catalog == NULL)
        ue_cli_report (error, catalog_file);
      return catalog;
    }
  if (image_spec == NULL)
    return ue_catalog_get_default ();
  ue_wim_source_parse_spec (image_spec, &path, &image);
  catalog = ue_wim_source_build_catalog (path, image, isatty (STDERR_FILENO) ? print_progress : NULL,
                                         NULL, NULL, &error);
  if (catalog == NULL)
    ue_cli_report (error, path);
  return catalog;
}

int
ue_cmd_validate (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autofree char *catalog_file = NULL;
  g_autofree char *image_spec = NULL;
  const GOptionEntry entries[] = {
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_file, N_("Check against a catalog file"), N_("CATALOG") },
    { "image", 0, 0, G_OPTION_ARG_FILENAME, &image_spec, N_("Check against an image of a WIM or ESD"),
      N_("WIM[:INDEX|:NAME]") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Also print the messages as JSON on stdout"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check answer files"));
  g_autoptr(UeCatalog) catalog = NULL;
  g_autoptr(UeValidator) validator = NULL;
  g_autofree char *text = NULL;
  UeJson *j;
  int status = UE_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc < 2 || (catalog_file != NULL && image_spec != NULL))
    {
      ue_cli_error (_("usage: unattend-tool validate [--catalog CATALOG | --image WIM[:N]] [--json] FILE..."));
      return UE_EXIT_FAILURE;
    }
  catalog = open_catalog (catalog_file, image_spec);
  if (catalog == NULL)
    return UE_EXIT_FAILURE;

  validator = ue_validator_new (catalog);
  j = ue_json_new ();
  ue_json_begin_object (j);
  ue_json_key (j, "files");
  ue_json_begin_array (j);
  for (int i = 1; i < argc; i++)
    {
      int result = validate_file (validator, argv[i], j);
      status = MAX (status, result);
    }
  ue_json_end_array (j);
  ue_json_end_object (j);
  text = ue_json_free_to_text (j);
  if (json)
    fputs (text, stdout);
  return status;
}
