/* test-answer-doc.c — the answer document: faithful round trips, edits, undo, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <string.h>
#include <sys/stat.h>

#include "doc-test-util.h"
#include "core/answer-doc.h"

static void
assert_round_trip (const char *text)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autofree char *out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, text);
  g_assert_false (ue_answer_doc_get_modified (doc));
}

/* ---- round trips ---- */

static void
test_round_trip_shapes (void)
{
  static const char *docs[] = {
    /* CRLF, WSIM style */
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
    "    <settings pass=\"specialize\">\r\n        <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"x86\">\r\n"
    "            <IEHardenAdmin>false</IEHardenAdmin>\r\n        </component>\r\n    </settings>\r\n</unattend>\r\n",
    /* mixed endings, no final newline, single quotes, attributes over lines */
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<unattend xmlns='urn:schemas-microsoft-com:unattend'\r\n"
    "          xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\"  >\n<settings   pass = 'oobeSystem' />\r\n</unattend>",
    /* comments and PIs around and inside, CDATA, entities and character references */
    "<!-- before the declaration is not allowed, so: no declaration -->\n<?pi data?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
    "\t<!-- inside --><settings pass=\"oobeSystem\"><component name=\"X\"><A>&amp;&lt;&#13;&#x41;</A>"
    "<B><![CDATA[if (a < b) { echo \"&\" }]]></B><C/><D></D><E>  </E></component></settings>\n</unattend>\n<!-- after -->\n\n",
    /* a bare <settings> fragment, tabs and odd Unicode spaces inside text */
    "<settings pass=\"windowsPE\">\n\t<component name=\"Microsoft-Windows-Setup\">\n\t\t<Value>\xc2\xa0x\xe3\x80\x80</Value>\n\t</component>\n</settings>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    assert_round_trip (docs[i]);
}

static void
test_round_trip_bom (void)
{
  const char *text = "\xef\xbb\xbf<?xml version=\"1.0\"?>\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"/>\r\n";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autofree char *out = ue_test_doc_dump (doc);

  /* the BOM is read and never written */
  g_assert_cmpstr (out, ==, text + 3);
  g_assert_true (ue_answer_doc_get_had_bom (doc));
}

static void
test_round_trip_utf16 (void)
{
  const char *utf8 = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
                     "  <settings pass=\"oobeSystem\"><component name=\"Microsoft-Windows-Shell-Setup\"><TimeZone>W. Europe Standard Time</TimeZone>"
                     "<RegisteredOwner>Jürgen</RegisteredOwner></component></settings>\r\n</unattend>\r\n";
  gsize n = 0;
  g_autofree char *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n, NULL);
  g_autofree char *file = g_malloc (n + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;
  g_autoptr(GBytes) out = NULL;
  UeNode *owner;
  g_autofree char *value = NULL;

  memcpy (file, "\xff\xfe", 2);
  memcpy (file + 2, utf16, n);
  doc = ue_answer_doc_new_from_data (file, n + 2, "utf16.xml", &error);
  g_assert_no_error (error);
  owner = ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/RegisteredOwner", NULL, NULL);
  value = ue_node_dup_text (owner);
  g_assert_cmpstr (value, ==, "Jürgen");
  /* written back as UTF-16LE with its BOM, the one case where a BOM is written */
  out = ue_answer_doc_to_bytes (doc);
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), file, n + 2);
}

static char *
c14n (const char *data,
      gsize       len)
{
  xmlDoc *doc = xmlReadMemory (data, len, "c14n.xml", NULL, XML_PARSE_NONET);
  xmlChar *out = NULL;
  char *copy;

  g_assert_nonnull (doc);
  g_assert_cmpint (xmlC14NDocDumpMemory (doc, NULL, XML_C14N_1_0, NULL, 1, &out), >=, 0);
  copy = g_strdup ((const char *) out);
  xmlFree (out);
  xmlFreeDoc (doc);
  return copy;
}

static void
test_round_trip_corpus (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("UE_TEST_DATA"), "answer", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  if (dir == NULL)
    {
      g_test_skip ("tests/data/answer is missing");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UeAnswerDoc) doc = NULL;
      g_autoptr(GBytes) out = NULL;
      gsize len, skip = 0;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      doc = ue_answer_doc_new_from_file (path, &error);
      g_assert_no_error (error);
      out = ue_answer_doc_to_bytes (doc);
      if (len >= 3 && memcmp (contents, "\xef\xbb\xbf", 3) == 0)
        skip = 3;
      if (g_test_verbose ())
        g_test_message ("%s: %zu bytes", name, len);
      /* byte for byte (a UTF-8 BOM is dropped), so C14N is equal too */
      g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), contents + skip, len - skip);
      if (skip == 0 && !(len >= 2 && (guchar) contents[0] == 0xff))
        {
          g_autofree char *a = c14n (contents, len);
          g_autofree char *b = c14n (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
          g_assert_cmpstr (a, ==, b);
        }
      count++;
    }
  g_test_message ("%u files round-tripped", count);
  g_assert_cmpuint (count, >=, 20);
}

/* on every corpus file: edits, then undo all gives the file's bytes; redo gives a file
 * that loads again and holds the edit */
static void
test_undo_corpus (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("UE_TEST_DATA"), "answer", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_test_skip ("tests/data/answer is missing");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UeAnswerDoc) doc = NULL;
      g_autoptr(UeAnswerDoc) again = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GBytes) edited = NULL;
      g_autoptr(GPtrArray) passes = NULL;
      g_autofree char *pass = g_strdup ("specialize");
      UeNode *node;

      if (!g_str_has_suffix (name, ".xml"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      doc = ue_answer_doc_new_from_file (path, &error);
      g_assert_no_error (error);
      ue_answer_doc_set_hide_sensitive_data (doc, FALSE);
      before = ue_answer_doc_to_bytes (doc);
      passes = ue_answer_doc_get_passes (doc);
      /* a one-pass fragment takes settings only in its own pass */
      if (strcmp (ue_node_get_name (ue_answer_doc_get_root (doc)), "settings") == 0)
        {
          g_free (pass);
          pass = ue_node_dup_attribute (passes->pdata[0], "pass");
        }
      {
        g_autofree char *setting = g_strdup_printf ("%s/Microsoft-Windows-IE-ESC/IEHardenAdmin", pass);
        g_autofree char *item = g_strdup_printf ("%s/Microsoft-Windows-Deployment/RunSynchronous/RunSynchronousCommand[Order=7]/Path", pass);
        if (!ue_answer_doc_set_path_value (doc, setting, NULL, "false", &error) ||
            !ue_answer_doc_set_path_value (doc, item, NULL, "cmd /c \"echo <&>\"", &error))
          g_error ("%s: %s", name, error->message);
      }
      node = passes->len > 0 ? ue_node_get_first_child (passes->pdata[0]) : NULL;
      if (node != NULL)
        ue_answer_doc_remove (doc, node);
      edited = ue_answer_doc_to_bytes (doc);
      while (ue_answer_doc_undo (doc))
        ;
      after = ue_answer_doc_to_bytes (doc);
      if (!g_bytes_equal (before, after))
        g_error ("%s: undo does not give back the file's bytes", name);
      while (ue_answer_doc_redo (doc))
        ;
      g_clear_pointer (&after, g_bytes_unref);
      after = ue_answer_doc_to_bytes (doc);
      g_assert_true (g_bytes_equal (edited, after));
      again = ue_answer_doc_new_from_data (g_bytes_get_data (after, NULL), g_bytes_get_size (after), name, &error);
      if (again == NULL)
        g_error ("%s: the edited file does not load: %s", name, error->message);
    }
}

/* ---- editing ---- */

static const char ie_esc_expected[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
  "    <settings pass=\"specialize\">\r\n"
  "        <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\r\n"
  "            <IEHardenAdmin>false</IEHardenAdmin>\r\n"
  "            <IEHardenUser>false</IEHardenUser>\r\n"
  "        </component>\r\n"
  "    </settings>\r\n"
  "</unattend>\r\n";

static void
test_new_document (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = ue_test_doc_dump (doc);
  g_autofree char *out = NULL;
  g_autofree char *after_undo = NULL;

  g_assert_true (ue_answer_doc_get_hide_sensitive_data (doc));
  g_assert_true (ue_answer_doc_set_path_value (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, "false", &error));
  g_assert_no_error (error);
  g_assert_true (ue_answer_doc_set_path_value (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenUser", NULL, "false", &error));
  g_assert_no_error (error);
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, ie_esc_expected);
  g_assert_true (ue_answer_doc_get_modified (doc));

  /* each set is one undo step */
  g_assert_true (ue_answer_doc_undo (doc));
  g_assert_true (ue_answer_doc_undo (doc));
  g_assert_false (ue_answer_doc_can_undo (doc));
  after_undo = ue_test_doc_dump (doc);
  g_assert_cmpstr (after_undo, ==, empty);
  g_assert_false (ue_answer_doc_get_modified (doc));
  g_assert_true (ue_answer_doc_redo (doc));
  g_assert_true (ue_answer_doc_redo (doc));
  g_clear_pointer (&out, g_free);
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, ie_esc_expected);
}

static void
test_indentation (void)
{
  static const struct { const char *unit; const char *nl; } styles[] = {
    { "\t", "\n" }, { "  ", "\n" }, { "    ", "\r\n" }, { "   ", "\r\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      const char *u = styles[i].unit, *nl = styles[i].nl;
      g_autofree char *text = g_strdup_printf (
        "<?xml version=\"1.0\"?>%s<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">%s"
        "%s<settings pass=\"oobeSystem\">%s%s%s<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"x86\">%s"
        "%s%s%s<TimeZone>UTC</TimeZone>%s%s%s</component>%s%s</settings>%s</unattend>%s",
        nl, nl, u, nl, u, u, nl, u, u, u, nl, u, u, nl, u, nl, nl);
      g_autofree char *expected = g_strdup_printf (
        "<?xml version=\"1.0\"?>%s<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">%s"
        "%s<settings pass=\"oobeSystem\">%s%s%s<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"x86\">%s"
        "%s%s%s<TimeZone>UTC</TimeZone>%s"
        "%s%s%s<OOBE>%s%s%s%s%s<HideEULAPage>true</HideEULAPage>%s%s%s%s</OOBE>%s"
        "%s%s</component>%s%s</settings>%s</unattend>%s",
        nl, nl, u, nl, u, u, nl, u, u, u, nl,
        u, u, u, nl, u, u, u, u, nl, u, u, u, nl,
        u, u, nl, u, nl, nl);
      g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_assert_cmpstr (ue_answer_doc_get_newline (doc), ==, nl);
      /* --arch absent: the existing x86 component is used, not a new amd64 one */
      g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage", NULL, "true", &error));
      g_assert_no_error (error);
      out = ue_test_doc_dump (doc);
      g_assert_cmpstr (out, ==, expected);
      g_assert_true (ue_answer_doc_undo (doc));
      g_clear_pointer (&out, g_free);
      out = ue_test_doc_dump (doc);
      g_assert_cmpstr (out, ==, text);
    }
}

static void
test_same_line_comment (void)
{
  const char *text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
                     "  <servicing>\n"
                     "    <package action=\"install\"/> <!-- the language pack -->\n"
                     "  </servicing>\n"
                     "</unattend>\n";
  const char *expected = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
                         "  <servicing>\n"
                         "    <package action=\"install\"/> <!-- the language pack -->\n"
                         "    <package/>\n"
                         "  </servicing>\n"
                         "</unattend>\n";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  UeNode *servicing = ue_node_get_first_child (ue_answer_doc_get_root (doc));
  g_autofree char *out = NULL;

  /* a second element of the same name, after the comment that belongs to the first */
  ue_answer_doc_append_element (doc, servicing, "package");
  g_assert_cmpuint (ue_node_count_children (servicing), ==, 2);
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, expected);
}


static const char accounts_doc[] =
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n"
  "  <settings pass=\"oobeSystem\">\n"
  "    <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\">\n"
  "      <FirstLogonCommands>\n"
  "        <SynchronousCommand wcm:action=\"add\">\n"
  "          <Order>1</Order>\n"
  "          <CommandLine>a.cmd</CommandLine>\n"
  "        </SynchronousCommand>\n"
  "        <SynchronousCommand wcm:action=\"add\">\n"
  "          <Order>2</Order>\n"
  "          <CommandLine>b.cmd</CommandLine>\n"
  "        </SynchronousCommand>\n"
  "      </FirstLogonCommands>\n"
  "    </component>\n"
  "  </settings>\n"
  "</unattend>\n";

static void
test_positions_after_edits (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (accounts_doc);
  UeNode *node;
  guint line = 0, column = 0;

  /* a new pass above the existing one moves everything below it down */
  ue_answer_doc_set_path_value (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, "false", NULL);
  node = ue_answer_doc_lookup (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, NULL);
  ue_node_get_position (node, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 7);
  ue_node_get_attribute_position (ue_node_get_component (node), "processorArchitecture", &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 48);
  node = ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands", NULL, NULL);
  ue_node_get_position (node, &line, &column);
  g_assert_cmpuint (line, ==, 4 + 5);   /* settings, component, setting, and their ends */
  ue_answer_doc_undo (doc);
  ue_node_get_position (node, &line, &column);
  g_assert_cmpuint (line, ==, 4);
  g_assert_cmpuint (column, ==, 7);
}

static void
test_offline_image (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();
  g_autofree char *out = NULL;
  g_autofree char *source = NULL;
  g_autoptr(UeAnswerDoc) again = NULL;
  g_autoptr(GBytes) bytes = NULL;

  ue_answer_doc_set_path_value (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, "false", NULL);
  ue_answer_doc_set_offline_image (doc, "wim:C:/images/install.wim#Windows Server 2008 SERVERSTANDARD");
  out = ue_test_doc_dump (doc);
  g_assert_nonnull (strstr (out, "    </settings>\r\n    <cpi:offlineImage cpi:source=\"wim:C:/images/install.wim#Windows Server 2008 SERVERSTANDARD\" "
                                 "xmlns:cpi=\"urn:schemas-microsoft-com:cpi\"/>\r\n</unattend>"));
  /* a pass added later goes before it */
  ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone", NULL, "UTC", NULL);
  g_clear_pointer (&out, g_free);
  out = ue_test_doc_dump (doc);
  g_assert_true (strstr (out, "pass=\"oobeSystem\"") < strstr (out, "cpi:offlineImage"));
  bytes = ue_answer_doc_to_bytes (doc);
  again = ue_answer_doc_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "again.xml", NULL);
  source = ue_answer_doc_dup_offline_image (again);
  g_assert_cmpstr (source, ==, "wim:C:/images/install.wim#Windows Server 2008 SERVERSTANDARD");
  ue_answer_doc_set_offline_image (again, "catalog:C:/catalogs/server.clg");
  g_clear_pointer (&source, g_free);
  source = ue_answer_doc_dup_offline_image (again);
  g_assert_cmpstr (source, ==, "catalog:C:/catalogs/server.clg");
  ue_answer_doc_set_offline_image (again, NULL);
  g_assert_null (ue_answer_doc_dup_offline_image (again));
}

static char *
command_at (UeAnswerDoc *doc,
            guint        order)
{
  g_autofree char *path = g_strdup_printf ("oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=%u]/CommandLine", order);
  UeNode *node = ue_answer_doc_lookup (doc, path, NULL, NULL);
  return node ? ue_node_dup_text (node) : NULL;
}

static void
test_ordered_list (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (accounts_doc);
  UeNode *list = ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands", NULL, NULL);
  UeNode *item;
  g_autofree char *c1 = NULL, *c2 = NULL, *c3 = NULL, *c4 = NULL, *again = NULL;

  g_assert_nonnull (list);
  /* insert at 2: b moves to 3 */
  item = ue_answer_doc_insert_ordered_item (doc, list, "SynchronousCommand", 2);
  ue_answer_doc_set_text (doc, ue_answer_doc_ensure_child (doc, item, "CommandLine"), "new.cmd");
  c1 = command_at (doc, 1);
  c2 = command_at (doc, 2);
  c3 = command_at (doc, 3);
  g_assert_cmpstr (c1, ==, "a.cmd");
  g_assert_cmpstr (c2, ==, "new.cmd");
  g_assert_cmpstr (c3, ==, "b.cmd");
  g_assert_true (ue_node_is_list_item (item));
  g_assert_cmpstr (ue_node_guess_key (item), ==, "Order");

  /* remove the first: the others move down */
  ue_answer_doc_remove (doc, ue_node_get_parent (ue_answer_doc_lookup (
    doc, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=1]/Order", NULL, NULL)));
  g_clear_pointer (&c1, g_free);
  g_clear_pointer (&c2, g_free);
  c1 = command_at (doc, 1);
  c2 = command_at (doc, 2);
  c4 = command_at (doc, 3);
  g_assert_cmpstr (c1, ==, "new.cmd");
  g_assert_cmpstr (c2, ==, "b.cmd");
  g_assert_null (c4);

  /* the next Order for a new item */
  item = ue_answer_doc_add_list_item (doc, list, "SynchronousCommand", "Order", NULL);
  again = ue_node_dup_path (item);
  g_assert_cmpstr (again, ==, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=3]");

  /* undo everything: the same bytes */
  while (ue_answer_doc_undo (doc))
    ;
  {
    g_autofree char *out = ue_test_doc_dump (doc);
    g_assert_cmpstr (out, ==, accounts_doc);
  }
}

static void
test_keyed_items (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();
  g_autoptr(GError) error = NULL;
  UeNode *node;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]/Group", NULL, "Administrators", &error));
  g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin3]/Group", NULL, "Users", &error));
  g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]/DisplayName", NULL, "Second admin", &error));
  g_assert_true (ue_answer_doc_set_path_value (doc, "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials[@keyValue=1]/Path", "x86", "\\\\server\\drivers", &error));
  g_assert_no_error (error);

  node = ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]", NULL, NULL);
  g_assert_nonnull (node);
  g_assert_cmpuint (ue_node_count_children (node), ==, 3);
  g_assert_cmpuint (ue_node_count_children (ue_node_get_parent (node)), ==, 2);
  node = ue_answer_doc_lookup (doc, "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials[@keyValue=1]/Path", "x86", NULL);
  g_assert_nonnull (node);
  g_assert_null (ue_answer_doc_lookup (doc, "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials[@keyValue=1]/Path", "amd64", NULL));
  path = ue_node_dup_path (ue_node_get_parent (node));
  g_assert_cmpstr (path, ==, "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials[@keyValue=1]");
  out = ue_test_doc_dump (doc);
  g_assert_nonnull (strstr (out, "<PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\">"));
  /* windowsPE comes before oobeSystem, as WSIM orders passes */
  g_assert_true (strstr (out, "pass=\"windowsPE\"") < strstr (out, "pass=\"oobeSystem\""));
}

static void
test_paths_and_shapes (void)
{
  const char *text =
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
    " <settings pass=\"specialize\">\n"
    "  <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"x86\" xmlns=\"\"><ComputerName>A</ComputerName></component>\n"
    "  <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\"><ComputerName>B</ComputerName></component>\n"
    " </settings>\n"
    " <settings pass=\"specialize\">\n"
    "  <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"amd64\"><IEHardenAdmin>false</IEHardenAdmin></component>\n"
    " </settings>\n"
    " <settings pass=\"generalize\"/>\n"
    "</unattend>\n";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autoptr(GPtrArray) passes = ue_answer_doc_get_passes (doc);
  g_autofree char *a = NULL, *b = NULL, *path = NULL;
  UeNode *node;
  guint line = 0, column = 0;

  g_assert_cmpuint (passes->len, ==, 3);
  a = ue_node_dup_text (ue_answer_doc_lookup (doc, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "x86", NULL));
  b = ue_node_dup_text (ue_answer_doc_lookup (doc, "specialize/microsoft-windows-shell-setup/ComputerName", "amd64", NULL));
  g_assert_cmpstr (a, ==, "A");
  g_assert_cmpstr (b, ==, "B");
  /* a repeated pass is searched too */
  node = ue_answer_doc_lookup (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, NULL);
  g_assert_nonnull (node);
  g_assert_cmpint (ue_node_get_kind (node), ==, UE_NODE_KIND_SETTING);
  g_assert_cmpint (ue_node_get_kind (ue_node_get_component (node)), ==, UE_NODE_KIND_COMPONENT);
  path = ue_node_dup_path (node);
  g_assert_cmpstr (path, ==, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin");
  ue_node_get_position (node, &line, &column);
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpuint (column, ==, 76);
  ue_node_get_attribute_position (ue_node_get_component (node), "processorArchitecture", &line, &column);
  g_assert_cmpuint (line, ==, 7);
  g_assert_cmpuint (column, ==, 46);
  /* the empty self-closing pass */
  node = ue_answer_doc_lookup (doc, "generalize", NULL, NULL);
  g_assert_nonnull (node);
  g_assert_null (ue_node_get_first_child (node));
  g_assert_null (ue_answer_doc_lookup (doc, "oobeSystem/X/Y", NULL, NULL));
}

static void
test_path_errors (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (accounts_doc);
  g_autofree char *before = ue_test_doc_dump (doc);
  g_autofree char *after = NULL;
  const char *bad[] = {
    "oobeSystem",                                                  /* no setting */
    "oobeSystem/Microsoft-Windows-Shell-Setup",                    /* no setting */
    "specialise/Microsoft-Windows-Shell-Setup/TimeZone",            /* not a pass */
    "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands",  /* holds settings */
    "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=1]/Order/X", /* a value */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (ue_answer_doc_set_path_value (doc, bad[i], NULL, "x", &error));
      g_assert_nonnull (error);
    }
  after = ue_test_doc_dump (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (ue_answer_doc_can_undo (doc));
}

static void
test_attribute_edit (void)
{
  const char *text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n <settings pass='specialize'>\n"
                     "  <component name=\"Microsoft-Windows-Shell-Setup\"\n     processorArchitecture='x86'  language=\"neutral\">\n"
                     "  </component>\n </settings>\n</unattend>\n";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  UeNode *comp = ue_answer_doc_lookup (doc, "specialize/Microsoft-Windows-Shell-Setup", NULL, NULL);
  g_autofree char *out = NULL;

  ue_answer_doc_set_attribute (doc, comp, "processorArchitecture", "amd64");
  ue_answer_doc_set_attribute (doc, comp, "language", NULL);
  ue_answer_doc_set_attribute (doc, comp, "versionScope", "nonSxS");
  out = ue_test_doc_dump (doc);
  /* layout and quotes kept, the value replaced in place */
  g_assert_nonnull (strstr (out, "<component name=\"Microsoft-Windows-Shell-Setup\"\n     processorArchitecture='amd64' versionScope=\"nonSxS\">"));
  while (ue_answer_doc_undo (doc))
    ;
  g_clear_pointer (&out, g_free);
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, text);
}

static void
test_empty_values (void)
{
  const char *text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"windowsPE\">"
                     "<component name=\"Microsoft-Windows-Setup\"><UserData><ProductKey><Key/><WillShowUI>OnError</WillShowUI></ProductKey></UserData></component>"
                     "</settings></unattend>";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  UeNode *key = ue_answer_doc_lookup (doc, "windowsPE/Microsoft-Windows-Setup/UserData/ProductKey/Key", NULL, NULL);
  UeNode *show = ue_answer_doc_lookup (doc, "windowsPE/Microsoft-Windows-Setup/UserData/ProductKey/WillShowUI", NULL, NULL);
  g_autofree char *out = NULL;

  ue_answer_doc_set_text (doc, key, "W269N-WFGWX-YVC9B-4J6C9-T83GX");
  /* Write Empty String */
  ue_answer_doc_set_text (doc, show, "");
  out = ue_test_doc_dump (doc);
  g_assert_nonnull (strstr (out, "<Key>W269N-WFGWX-YVC9B-4J6C9-T83GX</Key><WillShowUI></WillShowUI>"));
}

static void
test_hide_passwords (void)
{
  const char *text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobeSystem\">"
                     "<component name=\"Microsoft-Windows-Shell-Setup\"><UserAccounts><LocalAccounts><LocalAccount>"
                     "<Password><Value>Password1234</Value><PlainText>true</PlainText></Password><Name>a</Name>"
                     "</LocalAccount></LocalAccounts><AdministratorPassword><Value>x</Value><PlainText>false</PlainText></AdministratorPassword>"
                     "</UserAccounts></component></settings></unattend>";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autofree char *out = NULL;

  /* the file already hides a password: the document keeps hiding */
  g_assert_true (ue_answer_doc_get_hide_sensitive_data (doc));
  g_assert_cmpuint (ue_answer_doc_hide_passwords (doc), ==, 1);
  out = ue_test_doc_dump (doc);
  g_assert_nonnull (strstr (out, "<Password><Value>UABhAHMAcwB3AG8AcgBkADEAMgAzADQAUABhAHMAcwB3AG8AcgBkAA==</Value><PlainText>false</PlainText></Password>"));
  /* the hidden one is left alone */
  g_assert_nonnull (strstr (out, "<AdministratorPassword><Value>x</Value><PlainText>false</PlainText>"));
  g_assert_true (ue_answer_doc_undo (doc));
  g_clear_pointer (&out, g_free);
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, text);
}

/* what saving writes by itself (hidden passwords, the Windows image) belongs to the last
 * change: Undo after Save takes that change back, not the saving */
static void
test_save_edits_join_last_step (void)
{
  const char *text = "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobeSystem\">"
                     "<component name=\"Microsoft-Windows-Shell-Setup\"><UserAccounts><AdministratorPassword>"
                     "<Value>x</Value><PlainText>false</PlainText></AdministratorPassword>"
                     "<LocalAccounts><LocalAccount><Password><Value>Password1234</Value><PlainText>true</PlainText>"
                     "</Password><Name>a</Name></LocalAccount></LocalAccounts></UserAccounts>"
                     "<TimeZone>UTC</TimeZone></component></settings></unattend>";
  g_autofree char *dir = g_dir_make_tmp ("ue-amend-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sysprep.xml", NULL);
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *out = NULL;

  /* saved with no change of the user's: nothing to undo, the hiding is the starting point */
  g_assert_true (ue_answer_doc_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_false (ue_answer_doc_can_undo (doc));
  g_assert_false (ue_answer_doc_get_modified (doc));
  out = ue_test_doc_dump (doc);
  g_assert_null (strstr (out, "Password1234"));
  g_clear_pointer (&out, g_free);

  g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone", NULL,
                                               "Pacific Standard Time", &error));
  /* a password written in clear, then saved: hidden on the way */
  g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/"
                                               "LocalAccounts/LocalAccount[Name=a]/Password/Value", NULL,
                                               "Secret99", &error));
  edited = ue_test_doc_dump (doc);
  g_assert_true (ue_answer_doc_set_path_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/"
                                               "LocalAccounts/LocalAccount[Name=a]/Password/PlainText", NULL,
                                               "true", &error));
  g_assert_no_error (error);
  ue_answer_doc_begin_amend (doc);
  ue_answer_doc_set_offline_image (doc, "catalog:/catalogs/server.clg");
  ue_answer_doc_end_group (doc);
  g_assert_true (ue_answer_doc_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_null (strstr (saved, "Secret99"));
  g_assert_nonnull (strstr (saved, "server.clg"));
  g_assert_false (ue_answer_doc_get_modified (doc));

  /* one Undo: the last edit (PlainText), the hiding and the image record together */
  g_assert_true (ue_answer_doc_undo (doc));
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, edited);
  g_assert_true (ue_answer_doc_get_modified (doc));
  /* Redo gives exactly what was saved, which is the saved state again */
  g_assert_true (ue_answer_doc_redo (doc));
  g_clear_pointer (&out, g_free);
  out = ue_test_doc_dump (doc);
  g_assert_cmpstr (out, ==, saved);
  g_assert_false (ue_answer_doc_get_modified (doc));
  /* before it, the user's own steps: the password's value, the TimeZone */
  for (guint i = 0; i < 3; i++)
    g_assert_true (ue_answer_doc_undo (doc));
  g_assert_false (ue_answer_doc_can_undo (doc));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_malformed (void)
{
  static const struct { const char *text; guint line, column; int code; } cases[] = {
    { "junk<?xml version=\"1.0\"?><unattend/>", 1, 1, UE_ANSWER_DOC_ERROR_PARSE },
    { "<unattend>\n  <settings pass=\"a\"pass2=\"b\"/>\n</unattend>", 2, 21, UE_ANSWER_DOC_ERROR_PARSE },
    { "<unattend>\n<a>\n<b></a>\n</unattend>", 3, 8, UE_ANSWER_DOC_ERROR_PARSE },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE u [<!ENTITY a \"b\">]>\n<u>&a;</u>", 2, 1, UE_ANSWER_DOC_ERROR_FORBIDDEN },
    { "<unattend>\n\n  <x>a\xff</x></unattend>", 3, 7, UE_ANSWER_DOC_ERROR_ENCODING },
    { "", 1, 1, UE_ANSWER_DOC_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_data (cases[i].text, strlen (cases[i].text), "bad.xml", &error);
      g_autofree char *prefix = g_strdup_printf ("bad.xml:%u:%u: error: ", cases[i].line, cases[i].column);

      g_assert_null (doc);
      g_assert_error (error, UE_ANSWER_DOC_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, prefix);
    }
  {
    /* a NUL byte */
    g_autoptr(GError) error = NULL;
    g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_data ("<a>\0</a>", 8, "nul.xml", &error);
    g_assert_null (doc);
    g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_ENCODING);
    g_assert_true (g_str_has_prefix (error->message, "nul.xml:1:4: error: "));
  }
}

/* every malformed file of the corpus fails where expected.tsv says (libxml2's first error) */
static void
test_malformed_corpus (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("UE_TEST_DATA"), "malformed", NULL);
  g_autofree char *table_path = g_build_filename (dir, "expected.tsv", NULL);
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  guint count = 0;

  if (!g_file_get_contents (table_path, &table, NULL, NULL))
    {
      g_test_skip ("tests/data/malformed/expected.tsv is missing");
      return;
    }
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UeAnswerDoc) doc = NULL;

      if (g_strv_length (cols) < 4)
        continue;
      path = g_build_filename (dir, cols[0], NULL);
      doc = ue_answer_doc_new_from_file (path, &error);
      g_assert_null (doc);
      g_assert_nonnull (error);
      prefix = g_strdup_printf ("%s:%s:%s: error: ", path, cols[1], cols[2]);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("%s: “%s” does not start with “%s”", cols[0], error->message, prefix);
      if (strcmp (cols[3], "refused") == 0)
        g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_FORBIDDEN);
      else if (strstr (error->message, cols[3]) == NULL && !g_error_matches (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_ENCODING))
        g_error ("%s: “%s” does not say “%s”", cols[0], error->message, cols[3]);
      count++;
    }
  g_assert_cmpuint (count, >=, 5);
}

/* ---- saving ---- */

static void
test_atomic_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ue-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sysprep.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, accounts_doc, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  doc = ue_answer_doc_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ue_answer_doc_get_path (doc), ==, path);
  ue_answer_doc_set_path_value (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, "false", NULL);

  /* another program wrote the file meanwhile: refuse to overwrite its work */
  g_assert_true (g_file_set_contents (path, "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"/>", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_false (ue_answer_doc_save (doc, path, &error));
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_assert_true (ue_answer_doc_get_modified (doc));

  /* a folder we cannot write to (skip as root: root writes anyway) */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      g_assert_false (ue_answer_doc_save_overwrite (doc, path, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_true (ue_answer_doc_get_modified (doc));
    }

  g_assert_true (ue_answer_doc_save_overwrite (doc, path, &error));
  g_assert_no_error (error);
  g_assert_false (ue_answer_doc_get_modified (doc));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<IEHardenAdmin>false</IEHardenAdmin>"));
  /* permissions kept */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* saved now: the next save of the same path is no conflict */
  g_assert_true (ue_answer_doc_save (doc, path, &error));
  g_assert_no_error (error);

  g_unlink (path);
  g_rmdir (dir);
}

static void
count_changed (UeAnswerDoc *doc,
               gpointer     node,
               guint       *count)
{
  (*count)++;
}

static void
test_signals_and_lifetime (void)
{
  UeAnswerDoc *doc = ue_answer_doc_new ();
  guint changed = 0, modified = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (count_changed), &changed);
  g_signal_connect (doc, "notify::modified", G_CALLBACK (count_changed), &modified);
  ue_answer_doc_set_path_value (doc, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, "false", NULL);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (modified, >, 0);
  changed = 0;
  ue_answer_doc_undo (doc);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpstr (ue_answer_doc_get_redo_label (doc), ==, "Set specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin");

  g_object_add_weak_pointer (G_OBJECT (doc), (gpointer *) &doc);
  g_object_unref (doc);
  g_assert_null (doc);
}

/* a copy keeps every namespaced attribute in its namespace, declared where the target
 * file lacks it, and the result reads back the same */
static void
test_insert_copy_namespaces (void)
{
  static const char source_text[] =
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" "
    "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">"
    "<Item wcm:action=\"add\" wcm:keyValue=\"1\"><Path>C:\\Drivers</Path></Item></unattend>";
  static const char target_text[] =
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n    <List>\n    </List>\n</unattend>\n";
  g_autoptr(UeAnswerDoc) source = ue_answer_doc_new_from_data (source_text, strlen (source_text), "s.xml", NULL);
  g_autoptr(UeAnswerDoc) target = ue_answer_doc_new_from_data (target_text, strlen (target_text), "t.xml", NULL);
  g_autoptr(UeAnswerDoc) reread = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UeNode *copy, *item;
  g_autofree char *action = NULL;
  g_autofree char *key = NULL;

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  copy = ue_answer_doc_insert_copy (target, ue_node_get_first_child (ue_answer_doc_get_root (target)), NULL,
                                    ue_node_get_first_child (ue_answer_doc_get_root (source)));
  g_assert_nonnull (copy);
  bytes = ue_answer_doc_to_bytes (target);
  reread = ue_answer_doc_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "t.xml", &error);
  g_assert_no_error (error);
  item = ue_node_get_first_child (ue_node_get_first_child (ue_answer_doc_get_root (reread)));
  g_assert_cmpstr (ue_node_get_name (item), ==, "Item");
  action = ue_node_dup_attribute (item, "wcm:action");
  key = ue_node_dup_attribute (item, "wcm:keyValue");
  g_assert_cmpstr (action, ==, "add");
  g_assert_cmpstr (key, ==, "1");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/answer-doc/round-trip/shapes", test_round_trip_shapes);
  g_test_add_func ("/core/answer-doc/round-trip/bom", test_round_trip_bom);
  g_test_add_func ("/core/answer-doc/round-trip/utf16", test_round_trip_utf16);
  g_test_add_func ("/core/answer-doc/round-trip/corpus", test_round_trip_corpus);
  g_test_add_func ("/core/answer-doc/edit/undo-corpus", test_undo_corpus);
  g_test_add_func ("/core/answer-doc/edit/new-document", test_new_document);
  g_test_add_func ("/core/answer-doc/edit/indentation", test_indentation);
  g_test_add_func ("/core/answer-doc/edit/ordered-list", test_ordered_list);
  g_test_add_func ("/core/answer-doc/edit/same-line-comment", test_same_line_comment);
  g_test_add_func ("/core/answer-doc/edit/offline-image", test_offline_image);
  g_test_add_func ("/core/answer-doc/edit/positions-after-edits", test_positions_after_edits);
  g_test_add_func ("/core/answer-doc/edit/keyed-items", test_keyed_items);
  g_test_add_func ("/core/answer-doc/edit/attributes", test_attribute_edit);
  g_test_add_func ("/core/answer-doc/edit/empty-values", test_empty_values);
  g_test_add_func ("/core/answer-doc/edit/path-errors", test_path_errors);
  g_test_add_func ("/core/answer-doc/paths", test_paths_and_shapes);
  g_test_add_func ("/core/answer-doc/hide-passwords", test_hide_passwords);
  g_test_add_func ("/core/answer-doc/save-edits-join-last-step", test_save_edits_join_last_step);
  g_test_add_func ("/core/answer-doc/malformed", test_malformed);
  g_test_add_func ("/core/answer-doc/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/core/answer-doc/atomic-save", test_atomic_save);
  g_test_add_func ("/core/answer-doc/signals-and-lifetime", test_signals_and_lifetime);
  g_test_add_func ("/core/answer-doc/insert-copy-namespaces", test_insert_copy_namespaces);
  return g_test_run ();
}
