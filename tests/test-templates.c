/* test-templates.c — the shipped templates and opening a baseline as a template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "doc-test-util.h"
#include "core/quick-setup.h"
#include "core/template-list.h"
#include "core/validator.h"

static GBytes *
resource_bytes (const char *name)
{
  g_autofree char *path = g_strconcat ("/org/unattendeditor/core/templates/", name, ".xml", NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static void
test_list (void)
{
  static const char * const required[] = {
    "server2008-sysprep", "exchange2007-server2008", "server2012-sysprep", "windows-autounattend-uefi", "skip-oobe",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ue_template_list (&error);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, >=, G_N_ELEMENTS (required));
  for (guint i = 0; i < list->len; i++)
    {
      UeTemplateInfo *info = list->pdata[i];
      g_assert_null (strpbrk (info->name, " \t/"));
      g_assert_cmpuint (strlen (info->title), >, 0);
      g_assert_cmpuint (strlen (info->description), >, 0);
      g_assert_true (g_hash_table_add (names, info->name));
    }
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (g_hash_table_contains (names, required[i]));
  /* the seed's template comes first: it is what the project is for */
  g_assert_cmpstr (((UeTemplateInfo *) list->pdata[0])->name, ==, "server2008-sysprep");
}

/* loads, is untitled, round-trips byte for byte, and is written in WSIM's style */
static void
test_template (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_template_new_document (name, &error);
  g_autoptr(GBytes) bytes = resource_bytes (name);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint comments = 0;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_null (ue_answer_doc_get_path (doc));
  g_assert_false (ue_answer_doc_get_modified (doc));
  g_assert_true (ue_answer_doc_get_hide_sensitive_data (doc));
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, text);
  g_assert_cmpstr (ue_answer_doc_get_newline (doc), ==, "\r\n");

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"));
  g_assert_true (g_str_has_suffix (text, "</unattend>\r\n"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i + 1] != NULL; i++)
    {
      const char *l = lines[i];
      gsize indent = strspn (l, " ");

      g_assert_true (g_str_has_suffix (l, "\r"));
      g_assert_null (strchr (l, '\t'));
      /* four spaces a level (the continuation lines of comments aside) */
      if (l[indent] == '<')
        g_assert_cmpuint (indent % 4, ==, 0);
      comments += strstr (l, "<!--") != NULL;
    }
  /* each template says why its lines are there */
  g_assert_cmpuint (comments, >=, 3);
  /* placeholders are plain to read in the file, and obviously placeholders */
  if (strstr (text, "<PlainText>true</PlainText>") != NULL)
    g_assert_nonnull (strstr (text, "<Value>CHANGE-ME-"));
}

static char *
format_messages (GListModel *messages)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *line = ue_message_format (message);
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* every template is clean on the embedded catalog: no error, no warning */
static void
test_template_validates (gconstpointer data)
{
  const char *name = data;
  g_autoptr(UeAnswerDoc) doc = ue_template_new_document (name, NULL);
  g_autoptr(UeValidator) validator = ue_validator_new (NULL);
  guint errors = ue_validator_run (validator, doc);
  g_autofree char *text = format_messages (ue_validator_get_messages (validator));

  g_assert_cmpstr (text, ==, "");
  g_assert_cmpuint (errors, ==, 0);
  g_assert_cmpuint (ue_validator_get_n_warnings (validator), ==, 0);
}

static void
test_unknown (void)
{
  static const char * const bad[] = { "nope", "../catalog/README", "templates", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UeAnswerDoc) doc = ue_template_new_document (bad[i], &error);
      g_assert_null (doc);
      g_assert_error (error, UE_TEMPLATE_ERROR, UE_TEMPLATE_ERROR_NOT_FOUND);
    }
}

static void
test_exchange (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_template_new_document ("exchange2007-server2008", NULL);
  g_autoptr(UeQuickSetup) qs = ue_quick_setup_read (doc);
  static const char * const features[] = {
    "PowerShell", "Web-Server", "Web-ISAPI-Ext", "Web-Metabase", "Web-Lgcy-Mgmt-Console", "Web-Basic-Auth",
    "Web-Digest-Auth", "Web-Windows-Auth", "Web-Dyn-Compression", "RPC-over-HTTP-proxy",
  };
  int web_server = -1, appcmd = -1;
  guint n = qs->first_logon_commands->len;

  for (guint i = 0; i < G_N_ELEMENTS (features); i++)
    {
      g_autofree char *command = g_strconcat ("ServerManagerCmd -i ", features[i], NULL);
      guint index;
      g_assert_true (g_ptr_array_find_with_equal_func (qs->first_logon_commands, command, g_str_equal, &index));
      if (i == 1)
        web_server = index;
    }
  for (guint i = 0; i < n; i++)
    if (strstr (qs->first_logon_commands->pdata[i], "appcmd.exe") &&
        strstr (qs->first_logon_commands->pdata[i], "/useKernelMode:false"))
      appcmd = i;
  /* IIS must be there before appcmd changes its configuration */
  g_assert_cmpint (appcmd, >, web_server);
  g_assert_cmpint (web_server, >=, 0);
  /* Exchange 2007 is 64-bit; the host keeps the Server 2008 master-image settings */
  g_assert_nonnull (ue_answer_doc_find_component (doc, ue_answer_doc_find_pass (doc, "specialize"),
                                                  "Microsoft-Windows-IE-ESC", "amd64"));
  g_assert_true (qs->no_server_manager);
}

static void
test_uefi_layout (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_template_new_document ("windows-autounattend-uefi", NULL);
  static const char * const types[] = { "EFI", "MSR", "Primary" };
  const char *base = "windowsPE/Microsoft-Windows-Setup/DiskConfiguration/Disk[DiskID=0]/CreatePartitions/CreatePartition";

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[Order=%u]/Type", base, i + 1);
      UeNode *node = ue_answer_doc_lookup (doc, path, "amd64", NULL);
      g_autofree char *type = node ? ue_node_dup_text (node) : NULL;
      g_assert_cmpstr (type, ==, types[i]);
    }
}

static void
test_baseline (void)
{
  const char *text = "<?xml version=\"1.0\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
                     "  <settings pass=\"specialize\"/>\n</unattend>\n";
  g_autofree char *dir = g_dir_make_tmp ("ue-baseline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "baseline.xml", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.xml", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(UeAnswerDoc) broken = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  doc = ue_template_open_baseline (path, &error);
  g_assert_no_error (error);
  /* untitled: "Save" has to ask for a name, so the baseline cannot be overwritten */
  g_assert_null (ue_answer_doc_get_path (doc));
  g_assert_false (ue_answer_doc_get_modified (doc));
  g_assert_true (ue_answer_doc_set_path_value (doc, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", NULL, "*", NULL));
  g_assert_true (ue_answer_doc_save (doc, copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  /* errors name the baseline */
  g_assert_true (g_file_set_contents (path, "<unattend", -1, NULL));
  broken = ue_template_open_baseline (path, &error);
  g_assert_null (broken);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_clear_error (&error);
  g_assert_null (ue_template_open_baseline (missing, &error));
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_FAILED);

  g_unlink (path);
  g_unlink (copy);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) list = NULL;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/templates/list", test_list);
  list = ue_template_list (NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      UeTemplateInfo *info = list->pdata[i];
      g_autofree char *test_path = g_strdup_printf ("/core/templates/%s/round-trip", info->name);
      g_autofree char *valid_path = g_strdup_printf ("/core/templates/%s/validates", info->name);
      g_test_add_data_func (test_path, info->name, test_template);
      g_test_add_data_func (valid_path, info->name, test_template_validates);
    }
  g_test_add_func ("/core/templates/unknown", test_unknown);
  g_test_add_func ("/core/templates/exchange-prerequisites", test_exchange);
  g_test_add_func ("/core/templates/uefi-layout", test_uefi_layout);
  g_test_add_func ("/core/templates/baseline", test_baseline);
  return g_test_run ();
}
