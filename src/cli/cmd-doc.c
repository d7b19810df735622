/* cmd-doc.c — unattend-tool show / set / unset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "unattend-tool"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli-json.h"
#include "core/answer-doc.h"
#include "core/secret.h"

/* ---- output helpers ---- */

static void
json_string (GString    *out,
             const char *text)
{
  ue_json_escape (out, text ? text : "");
}

static gboolean
is_secret_value (UeNode *node)
{
  UeNode *parent = ue_node_get_parent (node);
  return strcmp (ue_node_get_name (node), "Value") == 0 && parent != NULL &&
         ue_secret_is_password_element (ue_node_get_name (parent));
}

/* the password this Value belongs to says PlainText=false */
static gboolean
is_hidden (UeNode *value)
{
  for (UeNode *n = ue_node_get_first_child (ue_node_get_parent (value)); n != NULL; n = ue_node_get_next (n))
    if (strcmp (ue_node_get_name (n), "PlainText") == 0)
      {
        g_autofree char *text = ue_node_dup_text (n);
        return text != NULL && g_ascii_strcasecmp (g_strstrip (text), "false") == 0;
      }
  return FALSE;
}

typedef struct
{
  gboolean show_secrets;
  gboolean json;
  GString *out;
  gboolean first;
} ShowState;

/* every leaf below a component as (path below the component, value) */
static void
collect_leaves (UeNode    *node,
                gsize      prefix_len,
                ShowState *st,
                const char *indent)
{
  for (UeNode *n = ue_node_get_first_child (node); n != NULL; n = ue_node_get_next (n))
    {
      g_autofree char *path = NULL;
      g_autofree char *value = NULL;

      if (ue_node_get_first_child (n) != NULL)
        {
          collect_leaves (n, prefix_len, st, indent);
          continue;
        }
      path = ue_node_dup_path (n);
      value = ue_node_dup_text (n);
      if (is_secret_value (n) && !st->show_secrets && value != NULL && *value != '\0')
        {
          g_free (value);
          value = g_strdup ("********");
        }
      else if (is_secret_value (n) && value != NULL && is_hidden (n))
        {
          /* asked for in clear: a hidden password is shown decoded */
          char *plain = ue_secret_decode (ue_node_get_name (ue_node_get_parent (n)), value, NULL);
          if (plain != NULL)
            {
              g_free (value);
              value = plain;
            }
        }
      if (st->json)
        {
          if (!st->first)
            g_string_append (st->out, ", ");
          json_string (st->out, path + prefix_len);
          g_string_append (st->out, ": ");
          json_string (st->out, value);
        }
      else
        g_string_append_printf (st->out, "%s%s = %s\n", indent, path + prefix_len, value ? value : "");
      st->first = FALSE;
    }
}

static void
show_servicing (UeAnswerDoc *doc,
                ShowState   *st)
{
  gboolean first = TRUE;
  UeNode *root = ue_answer_doc_get_root (doc);

  for (UeNode *s = ue_node_get_first_child (root); s != NULL; s = ue_node_get_next (s))
    {
      if (ue_node_get_kind (s) != UE_NODE_KIND_SERVICING)
        continue;
      for (UeNode *p = ue_node_get_first_child (s); p != NULL; p = ue_node_get_next (p))
        {
          UeNode *id = ue_answer_doc_find_child (doc, p, "assemblyIdentity");
          g_autofree char *action = ue_node_dup_attribute (p, "action");
          g_autofree char *name = id ? ue_node_dup_attribute (id, "name") : NULL;
          g_autofree char *version = id ? ue_node_dup_attribute (id, "version") : NULL;
          g_autofree char *arch = id ? ue_node_dup_attribute (id, "processorArchitecture") : NULL;
          gboolean first_sel = TRUE;

          if (ue_node_get_kind (p) != UE_NODE_KIND_PACKAGE)
            continue;
          if (st->json)
            {
              g_string_append (st->out, first ? "" : ", ");
              g_string_append (st->out, "{\"action\": ");
              json_string (st->out, action);
              g_string_append (st->out, ", \"name\": ");
              json_string (st->out, name);
              g_string_append (st->out, ", \"version\": ");
              json_string (st->out, version);
              g_string_append (st->out, ", \"arch\": ");
              json_string (st->out, arch);
              g_string_append (st->out, ", \"selections\": {");
            }
          else
            g_string_append_printf (st->out, "servicing\n  %s %s %s %s\n", action ? action : "",
                                    name ? name : "", version ? version : "", arch ? arch : "");
          for (UeNode *sel = ue_node_get_first_child (p); sel != NULL; sel = ue_node_get_next (sel))
            {
              g_autofree char *sel_name = NULL;
              g_autofree char *state = NULL;

              if (strcmp (ue_node_get_name (sel), "selection") != 0)
                continue;
              sel_name = ue_node_dup_attribute (sel, "name");
              state = ue_node_dup_attribute (sel, "state");
              if (st->json)
                {
                  g_string_append (st->out, first_sel ? "" : ", ");
                  json_string (st->out, sel_name);
                  g_string_append (st->out, ": ");
                  json_string (st->out, state);
                }
              else
                g_string_append_printf (st->out, "    %s = %s\n", sel_name ? sel_name : "", state ? state : "");
              first_sel = FALSE;
            }
          if (st->json)
            g_string_append (st->out, "}}");
          first = FALSE;
        }
    }
}

static void
show_document (UeAnswerDoc *doc,
               ShowState   *st)
{
  g_autoptr(GPtrArray) passes = ue_answer_doc_get_passes (doc);

  if (st->json)
    g_string_append (st->out, "{\"passes\": [");
  for (guint i = 0; i < passes->len; i++)
    {
      g_autofree char *pass = ue_node_dup_attribute (passes->pdata[i], "pass");
      gboolean first_comp = TRUE;

      if (st->json)
        {
          g_string_append (st->out, i ? ", {\"pass\": " : "{\"pass\": ");
          json_string (st->out, pass);
          g_string_append (st->out, ", \"components\": [");
        }
      else
        g_string_append_printf (st->out, "%s\n", pass ? pass : "");
      for (UeNode *c = ue_node_get_first_child (passes->pdata[i]); c != NULL; c = ue_node_get_next (c))
        {
          g_autofree char *name = NULL;
          g_autofree char *arch = NULL;
          g_autofree char *comp_path = NULL;

          if (ue_node_get_kind (c) != UE_NODE_KIND_COMPONENT)
            continue;
          name = ue_node_dup_attribute (c, "name");
          arch = ue_node_dup_attribute (c, "processorArchitecture");
          comp_path = ue_node_dup_path (c);
          if (st->json)
            {
              g_string_append (st->out, first_comp ? "{\"name\": " : ", {\"name\": ");
              json_string (st->out, name);
              g_string_append (st->out, ", \"arch\": ");
              json_string (st->out, arch);
              g_string_append (st->out, ", \"settings\": {");
            }
          else
            g_string_append_printf (st->out, "  %s (%s)\n", name ? name : "", arch ? arch : "");
          st->first = TRUE;
          collect_leaves (c, strlen (comp_path) + 1, st, "    ");
          if (st->json)
            g_string_append (st->out, "}}");
          first_comp = FALSE;
        }
      if (st->json)
        g_string_append (st->out, "]}");
    }
  if (st->json)
    g_string_append (st->out, "], \"servicing\": [");
  show_servicing (doc, st);
  if (st->json)
    g_string_append (st->out, "]}\n");
}

int
ue_cmd_show (int    argc,
             char **argv)
{
  gboolean json = FALSE, show_secrets = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "show-secrets", 0, 0, G_OPTION_ARG_NONE, &show_secrets, N_("Print passwords in clear"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — the passes, components and settings of an answer file"));
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;
  ShowState st = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc != 2)
    {
      ue_cli_error (_("usage: unattend-tool show FILE [--json] [--show-secrets]"));
      return UE_EXIT_FAILURE;
    }
  doc = ue_answer_doc_new_from_file (argv[1], &error);
  if (doc == NULL)
    return ue_cli_report (error, argv[1]);

  st.json = json;
  st.show_secrets = show_secrets;
  st.out = g_string_new (NULL);
  show_document (doc, &st);
  fputs (st.out->str, stdout);
  g_string_free (st.out, TRUE);
  return UE_EXIT_OK;
}

/* ---- set / unset ---- */

/* a missing or empty file starts a new document */
static UeAnswerDoc *
open_or_new (const char  *path,
             GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || (S_ISREG (st.st_mode) && st.st_size == 0))
    return ue_answer_doc_new ();
  return ue_answer_doc_new_from_file (path, error);
}

/* split PATH=VALUE at the first '=' outside a [Key=Value] selector */
static gboolean
split_assignment (const char  *arg,
                  char       **path,
                  char       **value)
{
  int depth = 0;

  for (const char *p = arg; *p; p++)
    {
      if (*p == '\\' && depth > 0 && p[1] != '\0')
        p++;
      else if (*p == '[')
        depth++;
      else if (*p == ']' && depth > 0)
        depth--;
      else if (*p == '=' && depth == 0)
        {
          *path = g_strndup (arg, p - arg);
          *value = g_strdup (p + 1);
          return TRUE;
        }
    }
  return FALSE;
}

static int
save_to (UeAnswerDoc *doc,
         const char  *out)
{
  g_autoptr(GError) error = NULL;

  if (!ue_answer_doc_save_overwrite (doc, out, &error))
    return ue_cli_report (error, out);
  return UE_EXIT_OK;
}

int
ue_cmd_set (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *arch = NULL;
  gboolean show_sensitive = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of FILE"), N_("OUT") },
    { "arch", 0, 0, G_OPTION_ARG_STRING, &arch, N_("Processor architecture of new components (default amd64)"), N_("ARCH") },
    { "show-sensitive-data", 0, 0, G_OPTION_ARG_NONE, &show_sensitive, N_("Keep passwords in plain text in a new file"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE PATH=VALUE… — set settings, creating what they need"));
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc < 2)
    {
      ue_cli_error (_("usage: unattend-tool set FILE [-o OUT] [--arch ARCH] PATH=VALUE…"));
      return UE_EXIT_FAILURE;
    }
  doc = open_or_new (argv[1], &error);
  if (doc == NULL)
    return ue_cli_report (error, argv[1]);
  if (show_sensitive)
    ue_answer_doc_set_hide_sensitive_data (doc, FALSE);

  for (int i = 2; i < argc; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *value = NULL;

      if (!split_assignment (argv[i], &path, &value))
        {
          ue_cli_error (_("“%s” is not PATH=VALUE"), argv[i]);
          return UE_EXIT_FAILURE;
        }
      /* all or nothing: on the first bad assignment nothing is written */
      if (!ue_answer_doc_set_path_value (doc, path, arch, value, &error))
        {
          fprintf (stderr, "%s: error: %s\n", argv[1], error->message);
          return UE_EXIT_FAILURE;
        }
    }
  return save_to (doc, output ? output : argv[1]);
}

int
ue_cmd_unset (int    argc,
              char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *arch = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT instead of FILE"), N_("OUT") },
    { "arch", 0, 0, G_OPTION_ARG_STRING, &arch, N_("Only the component of this architecture"), N_("ARCH") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE PATH… — remove settings, components or passes"));
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!ue_cli_parse (context, &argc, &argv))
    return UE_EXIT_FAILURE;
  if (argc < 2)
    {
      ue_cli_error (_("usage: unattend-tool unset FILE [-o OUT] [--arch ARCH] PATH…"));
      return UE_EXIT_FAILURE;
    }
  doc = ue_answer_doc_new_from_file (argv[1], &error);
  if (doc == NULL)
    return ue_cli_report (error, argv[1]);
  /* the file's own convention for passwords stays as it is */
  ue_answer_doc_set_hide_sensitive_data (doc, FALSE);

  for (int i = 2; i < argc; i++)
    {
      if (!ue_answer_doc_unset_path (doc, argv[i], arch, &error))
        {
          if (error->code != UE_ANSWER_DOC_ERROR_PATH || strstr (error->message, _("not in the file")) == NULL)
            {
              fprintf (stderr, "%s: error: %s\n", argv[1], error->message);
              return UE_EXIT_FAILURE;
            }
          /* removing what is not there leaves the file as wanted */
          fprintf (stderr, "%s: warning: %s\n", argv[1], error->message);
          g_clear_error (&error);
        }
    }
  return save_to (doc, output ? output : argv[1]);
}
