/* cmd-template.c — unattend-tool new / merge: templates and baselines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/doc-merge.h"
#include "core/template-list.h"

/* to OUT (atomically), or to stdout without one; passwords follow the document's setting */
static int
write_document (UeAnswerDoc *doc,
                const char  *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  if (out != NULL)
    {
      if (!ue_answer_doc_save_overwrite (doc, out, &error))
        return ue_cli_report (error, out);
      return UE_EXIT_OK;
    }
  if (ue_answer_doc_get_hide_sensitive_data (doc))
    ue_answer_doc_hide_passwords (doc);
  bytes = ue_answer_doc_to_bytes (doc);
  data = g_bytes_get_data (bytes, &size);
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      ue_cli_error (_("cannot write to standard output"));
      return UE_EXIT_FAILURE;
    }
  return UE_EXIT_OK;
}

static int
list_templates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ue_template_list (&error);

  if (list == NULL)
    return ue_cli_report (error, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      UeTemplateInfo *info = list->pdata[i];
      printf ("%-28s %s\n", info->name, info->title);
    }
  return UE_EXIT_OK;
}

int
ue_cmd_new (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *template = NULL;
  gboolean list = FALSE, show_sensitive = FALSE;
  const GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template, N_("Start from this template"), N_("NAME") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the templates: NAME, then title"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of standard output"), N_("OUT") },
    { "show-sensitive-data", 0, 0, G_OPTION_ARG_NONE, &show_sensitive, N_("Keep passwords in plain text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— a new answer file, empty or from a template"));
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc != 1 || (list && (template != NULL || output != NULL)))
    {
      ue_cli_error (_("usage: unattend-tool new [--template NAME] [-o OUT] | new --list"));
      return UE_EXIT_FAILURE;
    }
  if (list)
    return list_templates ();
  doc = template ? ue_template_new_document (template, &error) : ue_answer_doc_new ();
  if (doc == NULL)
    {
      ue_cli_error ("%s", error->message);
      return UE_EXIT_FAILURE;
    }
  if (show_sensitive)
    ue_answer_doc_set_hide_sensitive_data (doc, FALSE);
  return write_document (doc, output);
}

static const char *
shown (const UeMergeConflict *conflict,
       const char            *value)
{
  return conflict->secret && *value != '\0' ? "********" : value;
}

int
ue_cmd_merge (int    argc,
              char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *prefer = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of standard output"), N_("OUT") },
    { "prefer", 0, 0, G_OPTION_ARG_STRING, &prefer, N_("Whose value a conflict keeps: base (default) or other"), N_("base|other") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("BASE OTHER — bring the settings of OTHER into BASE"));
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) base = NULL;
  g_autoptr(UeAnswerDoc) other = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  gboolean take_other;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc != 3 || (prefer != NULL && strcmp (prefer, "base") != 0 && strcmp (prefer, "other") != 0))
    {
      ue_cli_error (_("usage: unattend-tool merge BASE OTHER [-o OUT] [--prefer base|other]"));
      return UE_EXIT_FAILURE;
    }
  take_other = prefer != NULL && strcmp (prefer, "other") == 0;
  base = ue_answer_doc_new_from_file (argv[1], &error);
  if (base == NULL)
    return ue_cli_report (error, argv[1]);
  other = ue_answer_doc_new_from_file (argv[2], &error);
  if (other == NULL)
    return ue_cli_report (error, argv[2]);
  /* BASE's own convention for passwords stays; OTHER's passwords come as OTHER wrote them */
  ue_answer_doc_set_hide_sensitive_data (base, FALSE);

  /* the embedded catalog names the keys list items are matched by */
  catalog = ue_catalog_get_default ();
  if (!ue_doc_merge (base, other, catalog, take_other ? ue_merge_take_other : ue_merge_keep_base,
                     NULL, &conflicts, &error))
    return ue_cli_report (error, argv[1]);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const UeMergeConflict *c = conflicts->pdata[i];
      /* TRANSLATORS: FILE: warning: PATH: base “VALUE”, other “VALUE”, kept base|other */
      fprintf (stderr, _("%s: warning: %s: base “%s”, other “%s”, kept %s\n"), argv[1], c->path,
               shown (c, c->base_value), shown (c, c->other_value), c->take_other ? "other" : "base");
    }
  return write_document (base, output);
}
