/* test-merge-baseline.c — merging a baseline: servicing packages, ordered command lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The image-factory case: a site baseline (tests/data/merge/factory-base.xml) and another
 * team's overlay (factory-other.xml), each as Windows tools write them.
 */
#include <string.h>

#include "core/validator.h"
#include "merge-test-util.h"

static UeAnswerDoc *
load_data (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("UE_TEST_DATA"), "merge", name, NULL);
  UeAnswerDoc *doc = ue_answer_doc_new_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

/* zero errors and warnings on the default catalog; saved and read back, the same bytes */
static void
assert_clean_round_trip (UeAnswerDoc *doc)
{
  g_autoptr(UeValidator) validator = ue_validator_new (NULL);
  guint errors = ue_validator_run (validator, doc);
  GListModel *messages = ue_validator_get_messages (validator);
  g_autoptr(GBytes) bytes = ue_answer_doc_to_bytes (doc);
  g_autoptr(UeAnswerDoc) again = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *line = ue_message_format (message);
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (errors, ==, 0);
  g_assert_cmpuint (ue_validator_get_n_warnings (validator), ==, 0);
  again = ue_answer_doc_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "again.xml", &error);
  g_assert_no_error (error);
  bytes_again = ue_answer_doc_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

static UeNode *
servicing_of (UeAnswerDoc *doc)
{
  for (UeNode *n = ue_node_get_first_child (ue_answer_doc_get_root (doc)); n != NULL; n = ue_node_get_next (n))
    if (ue_node_get_kind (n) == UE_NODE_KIND_SERVICING)
      return n;
  return NULL;
}

/* "name=state;…" of a package's selections in document order, "" when it has none */
static char *
package_summary (UeAnswerDoc *doc,
                 const char  *package_name,
                 char       **action)
{
  GString *out = g_string_new (NULL);
  guint found = 0;

  for (UeNode *p = ue_node_get_first_child (servicing_of (doc)); p != NULL; p = ue_node_get_next (p))
    {
      UeNode *id = ue_answer_doc_find_child (doc, p, "assemblyIdentity");
      g_autofree char *name = id ? ue_node_dup_attribute (id, "name") : NULL;

      if (name == NULL || g_ascii_strcasecmp (name, package_name) != 0)
        continue;
      found++;
      if (action != NULL)
        *action = ue_node_dup_attribute (p, "action");
      for (UeNode *c = ue_node_get_first_child (p); c != NULL; c = ue_node_get_next (c))
        if (strcmp (ue_node_get_name (c), "selection") == 0)
          {
            g_autofree char *feature = ue_node_dup_attribute (c, "name");
            g_autofree char *state = ue_node_dup_attribute (c, "state");
            g_string_append_printf (out, "%s=%s;", feature, state);
          }
    }
  /* a package is never there twice */
  g_assert_cmpuint (found, ==, 1);
  return g_string_free (out, FALSE);
}

static guint
count_packages (UeAnswerDoc *doc)
{
  guint n = 0;

  for (UeNode *p = ue_node_get_first_child (servicing_of (doc)); p != NULL; p = ue_node_get_next (p))
    n += ue_node_get_kind (p) == UE_NODE_KIND_PACKAGE;
  return n;
}

#define FOUNDATION "Microsoft-Windows-Foundation-Package"
#define TELNET_PATH "servicing/package[" FOUNDATION "]/selection[TelnetClient]"

static void
check_factory_servicing (gboolean take_other)
{
  g_autoptr(UeAnswerDoc) base = load_data ("factory-base.xml");
  g_autoptr(UeAnswerDoc) other = load_data ("factory-other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, take_other ? ue_merge_take_other : ue_merge_keep_base, NULL);
  g_autofree char *foundation = package_summary (base, FOUNDATION, NULL);
  g_autofree char *update_action = NULL;
  g_autofree char *update = package_summary (base, "Package_for_KB2533552", &update_action);
  g_autofree char *expected = g_strdup_printf ("IIS-WebServerRole=true;TelnetClient=%s;IIS-WebServer=true;TFTP=true;",
                                               take_other ? "true" : "false");
  g_autofree char *out = ue_test_doc_dump (base);
  UeMergeConflict *c;

  /* OTHER spells the Foundation package's identity in other cases: the same package;
   * "True" and "true" are the same state; TelnetClient differs */
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpstr (c->path, ==, TELNET_PATH);
  g_assert_cmpstr (c->arch, ==, "amd64");
  g_assert_cmpstr (c->base_value, ==, "false");
  g_assert_cmpstr (c->other_value, ==, "true");
  g_assert_false (c->secret);
  g_assert_cmpint (c->take_other, ==, take_other);
  /* selections BASE lacks come after its own; the update comes whole, with its source */
  g_assert_cmpuint (count_packages (base), ==, 2);
  g_assert_cmpstr (foundation, ==, expected);
  g_assert_cmpstr (update_action, ==, "install");
  g_assert_cmpstr (update, ==, "");
  g_assert_nonnull (strstr (out, "\n            <source location=\"\\\\deploy01\\updates\\Windows6.1-KB2533552-x64\\update.mum\"/>\n        </package>\n    </servicing>\n"));
  /* BASE's comment in <servicing> stays where it was */
  g_assert_nonnull (strstr (out, "    <servicing>\n        <!-- roles every server gets; the web overlay adds its own -->\n        <package action=\"configure\">\n"));
  assert_clean_round_trip (base);
}

static void
test_servicing_keep_base (void)
{
  check_factory_servicing (FALSE);
}

static void
test_servicing_take_other (void)
{
  check_factory_servicing (TRUE);
}

static void
test_servicing_new_section (void)
{
  g_autoptr(UeAnswerDoc) base = load_data ("base.xml");
  g_autoptr(UeAnswerDoc) other = load_data ("factory-other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, NULL, NULL);
  g_autofree char *out = ue_test_doc_dump (base);
  g_autofree char *foundation = package_summary (base, FOUNDATION, NULL);
  UeNode *first = ue_node_get_first_child (ue_answer_doc_get_root (base));

  g_assert_cmpuint (conflicts->len, ==, 0);
  /* where Windows writes it: the root's first child, before the passes */
  g_assert_true (first == servicing_of (base));
  /* BASE is CRLF with 4-space indentation, OTHER LF with 2: BASE's layout wins */
  g_assert_nonnull (strstr (out, "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n    <servicing>\r\n        <package action=\"configure\">\r\n"));
  g_assert_nonnull (strstr (out, "    </servicing>\r\n    <settings pass=\"specialize\">\r\n"));
  for (const char *p = strchr (out, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  g_assert_cmpuint (count_packages (base), ==, 2);
  g_assert_cmpstr (foundation, ==, "IIS-WebServerRole=True;IIS-WebServer=true;TelnetClient=true;TFTP=true;");
  assert_clean_round_trip (base);
}

static const char *action_base = HEAD
  "  <servicing>\n"
  "    <package action=\"configure\">\n"
  "      <assemblyIdentity name=\"Microsoft-Windows-LanguagePack-Package\" version=\"6.1.7601.17514\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"fr-FR\" />\n"
  "    </package>\n"
  "  </servicing>\n" TAIL;

static const char *action_other = HEAD
  "  <servicing>\n"
  "    <package action=\"remove\">\n"
  "      <assemblyIdentity name=\"Microsoft-Windows-LanguagePack-Package\" version=\"6.1.7601.17514\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"fr-FR\" />\n"
  "    </package>\n"
  "    <package action=\"remove\">\n"
  "      <assemblyIdentity name=\"Microsoft-Windows-LanguagePack-Package\" version=\"6.1.7601.17514\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"de-DE\" />\n"
  "    </package>\n"
  "  </servicing>\n" TAIL;

static void
test_servicing_action (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (action_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (action_other, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, ue_merge_take_other, NULL);
  g_autofree char *out = ue_test_doc_dump (base);

  /* one language pack in both files, another in OTHER only: the language is part of the identity */
  g_assert_cmpuint (conflicts->len, ==, 1);
  ue_test_merge_assert_conflict (conflicts, 0, "servicing/package[Microsoft-Windows-LanguagePack-Package]/@action",
                                 "configure", "remove", TRUE);
  g_assert_cmpstr (((UeMergeConflict *) conflicts->pdata[0])->arch, ==, "x86");
  g_assert_cmpuint (count_packages (base), ==, 2);
  g_assert_null (strstr (out, "configure"));
  g_assert_nonnull (strstr (out, "language=\"de-DE\""));
}

/* the commands of an ordered list, by Order; each Order once, 1..n without a gap */
static char **
commands_by_order (UeAnswerDoc *doc,
                   const char  *list_path,
                   const char  *field)
{
  UeNode *list = ue_answer_doc_lookup (doc, list_path, NULL, NULL);
  guint n = ue_node_count_children (list);
  char **commands = g_new0 (char *, n + 1);

  for (UeNode *item = ue_node_get_first_child (list); item != NULL; item = ue_node_get_next (item))
    {
      guint order = ue_node_get_order (item);
      UeNode *command = ue_answer_doc_find_child (doc, item, field);
      g_autofree char *action = ue_node_dup_attribute (item, "wcm:action");

      g_assert_cmpstr (action, ==, "add");
      g_assert_cmpuint (order, >=, 1);
      g_assert_cmpuint (order, <=, n);
      g_assert_null (commands[order - 1]);
      commands[order - 1] = g_strstrip (ue_node_dup_text (command));
    }
  return commands;
}

#define FIRST_LOGON "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands"
#define RUN_SYNC "specialize/Microsoft-Windows-Deployment/RunSynchronous"

static void
test_ordered_commands (void)
{
  for (guint with_catalog = 0; with_catalog < 2; with_catalog++)
    {
      g_autoptr(UeCatalog) catalog = with_catalog ? ue_catalog_get_default () : NULL;
      g_autoptr(UeAnswerDoc) base = load_data ("factory-base.xml");
      g_autoptr(UeAnswerDoc) other = load_data ("factory-other.xml");
      g_auto(GStrv) base_logon = commands_by_order (base, FIRST_LOGON, "CommandLine");
      g_auto(GStrv) other_logon = commands_by_order (other, FIRST_LOGON, "CommandLine");
      g_auto(GStrv) base_sync = commands_by_order (base, RUN_SYNC, "Path");
      g_auto(GStrv) other_sync = commands_by_order (other, RUN_SYNC, "Path");
      g_autoptr(GPtrArray) conflicts = ue_test_merge_checked_with (base, other, catalog, NULL, NULL);
      g_auto(GStrv) logon = commands_by_order (base, FIRST_LOGON, "CommandLine");
      g_auto(GStrv) sync = commands_by_order (base, RUN_SYNC, "Path");
      g_autofree char *out = ue_test_doc_dump (base);

      g_test_message ("with catalog: %u", with_catalog);
      /* BASE's commands keep their numbers; OTHER's new ones follow in the order OTHER
       * runs them (its Order 2 before its 3, whatever the document order); the command
       * in both (OTHER's 1) is there once, and nothing conflicts on Order */
      g_assert_cmpuint (conflicts->len, ==, 1);
      g_assert_cmpstr (((UeMergeConflict *) conflicts->pdata[0])->path, ==, TELNET_PATH);
      g_assert_cmpuint (g_strv_length (logon), ==, 4);
      g_assert_cmpstr (logon[0], ==, base_logon[0]);
      g_assert_cmpstr (logon[1], ==, base_logon[1]);
      g_assert_cmpstr (other_logon[0], ==, base_logon[0]);
      g_assert_cmpstr (logon[2], ==, other_logon[1]);
      g_assert_cmpstr (logon[3], ==, other_logon[2]);
      /* RunSynchronous's command is its Path; compared without the spaces around it */
      g_assert_cmpuint (g_strv_length (sync), ==, 3);
      g_assert_cmpstr (sync[0], ==, base_sync[0]);
      g_assert_cmpstr (sync[1], ==, base_sync[1]);
      g_assert_cmpstr (other_sync[1], ==, base_sync[0]);
      g_assert_cmpstr (sync[2], ==, other_sync[0]);
      /* the matched item's other fields merge as settings do */
      assert_value (base, FIRST_LOGON "/SynchronousCommand[Order=1]/RequiresUserInput", NULL, "false");
      assert_value (base, FIRST_LOGON "/SynchronousCommand[Order=4]/Description", NULL, "Copy the site content");
      g_assert_nonnull (strstr (out, "                <SynchronousCommand wcm:action=\"add\">\n"
                                     "                    <Order>4</Order>\n"
                                     "                    <CommandLine>cmd /c C:\\Scripts\\web-content.cmd</CommandLine>\n"));
      assert_clean_round_trip (base);
    }
}

/* without a catalog the list's kind comes from its items: OTHER's first item has no
 * command, its second has; the whole list merges as commands, each item once */
static void
test_ordered_commands_mixed_items (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <FirstLogonCommands>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>1</Order>\n"
    "                    <CommandLine>cmd /c mine.cmd</CommandLine>\n"
    "                </SynchronousCommand>\n"
    "            </FirstLogonCommands>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <FirstLogonCommands>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>1</Order>\n"
    "                    <Description>no command yet</Description>\n"
    "                </SynchronousCommand>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>2</Order>\n"
    "                    <CommandLine>cmd /c theirs.cmd</CommandLine>\n"
    "                </SynchronousCommand>\n"
    "            </FirstLogonCommands>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked_with (base, other, NULL, NULL, NULL);

  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (ue_test_merge_count_children (base, FIRST_LOGON, "SynchronousCommand"), ==, 3);
  assert_value (base, FIRST_LOGON "/SynchronousCommand[Order=1]/CommandLine", NULL, "cmd /c mine.cmd");
  assert_value (base, FIRST_LOGON "/SynchronousCommand[Order=2]/Description", NULL, "no command yet");
  assert_value (base, FIRST_LOGON "/SynchronousCommand[Order=3]/CommandLine", NULL, "cmd /c theirs.cmd");
  /* BASE's command keeps its own fields: OTHER's first item did not land on it */
  assert_value (base, FIRST_LOGON "/SynchronousCommand[Order=1]/Description", NULL, NULL);
}

static void
test_ordered_commands_conflict (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <FirstLogonCommands>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>1</Order>\n"
    "                    <CommandLine>one.cmd</CommandLine>\n"
    "                    <Description>first</Description>\n"
    "                </SynchronousCommand>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>2</Order>\n"
    "                    <CommandLine>two.cmd</CommandLine>\n"
    "                </SynchronousCommand>\n"
    "            </FirstLogonCommands>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <FirstLogonCommands>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>1</Order>\n"
    "                    <CommandLine>two.cmd</CommandLine>\n"
    "                </SynchronousCommand>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>2</Order>\n"
    "                    <CommandLine>one.cmd</CommandLine>\n"
    "                    <Description>the first one</Description>\n"
    "                </SynchronousCommand>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>3</Order>\n"
    "                    <CommandLine>three.cmd</CommandLine>\n"
    "                </SynchronousCommand>\n"
    "            </FirstLogonCommands>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, ue_merge_take_other, NULL);
  g_auto(GStrv) logon = commands_by_order (base, FIRST_LOGON, "CommandLine");
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *once = ue_test_doc_dump (base);
  g_autofree char *twice = NULL;

  /* matched by command, not by Order: the Description of one.cmd is the only conflict */
  g_assert_cmpuint (conflicts->len, ==, 1);
  ue_test_merge_assert_conflict (conflicts, 0, FIRST_LOGON "/SynchronousCommand[Order=1]/Description", "first", "the first one", TRUE);
  g_assert_cmpuint (g_strv_length (logon), ==, 3);
  g_assert_cmpstr (logon[0], ==, "one.cmd");
  g_assert_cmpstr (logon[1], ==, "two.cmd");
  g_assert_cmpstr (logon[2], ==, "three.cmd");
  /* merging the same file again adds nothing */
  g_assert_true (ue_doc_merge (base, other, NULL, NULL, NULL, &again, NULL));
  g_assert_cmpuint (again->len, ==, 0);
  twice = ue_test_doc_dump (base);
  g_assert_cmpstr (twice, ==, once);
}

/* partitions are keyed by Order too, but are no commands: partition 1 is partition 1 */
static void
test_partitions_by_order (void)
{
  const char *template = HEAD
    "    <settings pass=\"windowsPE\">\n"
    "        " COMP ("Microsoft-Windows-Setup", "amd64")
    "            <DiskConfiguration>\n"
    "                <Disk wcm:action=\"add\">\n"
    "                    <DiskID>0</DiskID>\n"
    "                    <CreatePartitions>\n"
    "                        <CreatePartition wcm:action=\"add\">\n"
    "                            <Order>1</Order>\n"
    "                            <Size>%s</Size>\n"
    "                            <Type>EFI</Type>\n"
    "                        </CreatePartition>\n"
    "                    </CreatePartitions>\n"
    "                </Disk>\n"
    "            </DiskConfiguration>\n"
    "        </component>\n"
    "    </settings>\n" TAIL;
  g_autofree char *base_text = g_strdup_printf (template, "100");
  g_autofree char *other_text = g_strdup_printf (template, "260");
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (base_text, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (other_text, "other.xml");
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked_with (base, other, catalog, ue_merge_take_other, NULL);

  g_assert_cmpuint (conflicts->len, ==, 1);
  ue_test_merge_assert_conflict (conflicts, 0, "windowsPE/Microsoft-Windows-Setup/DiskConfiguration/Disk[DiskID=0]/CreatePartitions/CreatePartition[Order=1]/Size",
                                 "100", "260", TRUE);
  g_assert_cmpuint (ue_test_merge_count_children (base, "windowsPE/Microsoft-Windows-Setup/DiskConfiguration/Disk[DiskID=0]/CreatePartitions",
                                                  "CreatePartition"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/merge-baseline/servicing-keep-base", test_servicing_keep_base);
  g_test_add_func ("/core/merge-baseline/servicing-take-other", test_servicing_take_other);
  g_test_add_func ("/core/merge-baseline/servicing-new-section", test_servicing_new_section);
  g_test_add_func ("/core/merge-baseline/servicing-action", test_servicing_action);
  g_test_add_func ("/core/merge-baseline/ordered-commands", test_ordered_commands);
  g_test_add_func ("/core/merge-baseline/ordered-commands-conflict", test_ordered_commands_conflict);
  g_test_add_func ("/core/merge-baseline/ordered-commands-mixed-items", test_ordered_commands_mixed_items);
  g_test_add_func ("/core/merge-baseline/partitions-by-order", test_partitions_by_order);
  return g_test_run ();
}
