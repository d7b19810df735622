/* test-packages.c — servicing packages: add from the catalog, action, feature selections, checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "doc-test-util.h"
#include "core/answer-doc-package.h"
#include "core/validator.h"

#define COMPONENT_LINE "        <component name=\"Microsoft-Windows-IE-ESC\" processorArchitecture=\"amd64\" " \
  "publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\" " \
  "xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\r\n"

/* CRLF and four-space indentation, as Windows tools write; no <servicing> */
static const char crlf_doc[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
  "<!-- keep me -->\r\n"
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
  "    <settings pass=\"specialize\">\r\n"
  COMPONENT_LINE
  "            <IEHardenAdmin>false</IEHardenAdmin>\r\n"
  "        </component>\r\n"
  "    </settings>\r\n"
  "</unattend>\r\n";

static UePackageDef *
foundation_def (void)
{
  UePackageDef *def = ue_package_def_new ("Microsoft-Windows-Foundation-Package");
  static const char * const features[] = { "Printing-Foundation-Features", "TelnetClient", "SNMP", NULL };

  def->arch = g_strdup ("amd64");
  def->version = g_strdup ("6.0.6001.18000");
  def->public_key_token = g_strdup ("31bf3856ad364e35");
  def->language = g_strdup ("neutral");
  g_strfreev (def->features);
  def->features = g_strdupv ((char **) features);
  return def;
}

static UeCatalog *
make_catalog (void)
{
  UeCatalog *catalog = ue_catalog_new (UE_CATALOG_SOURCE_FILE);
  g_autoptr(UeComponentDef) esc = ue_component_def_new ("Microsoft-Windows-IE-ESC", "amd64");
  g_autoptr(UeSettingDef) harden = ue_setting_def_new ("IEHardenAdmin", UE_SETTING_KIND_SIMPLE);
  g_autoptr(UePackageDef) foundation = foundation_def ();

  harden->value_type = UE_VALUE_TYPE_BOOLEAN;
  harden->passes = UE_PASS_SPECIALIZE;
  esc->public_key_token = g_strdup ("31bf3856ad364e35");
  esc->language = g_strdup ("neutral");
  ue_component_def_add_setting (esc, harden);
  ue_catalog_add_component (catalog, esc);
  ue_catalog_add_package (catalog, foundation);
  return catalog;
}

static void
assert_crlf_only (const char *text)
{
  for (const char *p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_true (p > text && p[-1] == '\r');
}

static const char servicing_block[] =
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
  "    <servicing>\r\n"
  "        <package action=\"configure\">\r\n"
  "            <assemblyIdentity name=\"Microsoft-Windows-Foundation-Package\" version=\"6.0.6001.18000\" "
  "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\"/>\r\n"
  "        </package>\r\n"
  "    </servicing>\r\n"
  "    <settings pass=\"specialize\">\r\n";

static void
test_add_without_servicing (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (crlf_doc);
  g_autoptr(UePackageDef) def = foundation_def ();
  g_autofree char *before = ue_test_doc_dump (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(UePackageDef) identity = NULL;
  g_autofree char *action = NULL;
  UeNode *package;

  package = ue_answer_doc_add_package (doc, def, NULL);
  g_assert_nonnull (package);
  g_assert_cmpint (ue_node_get_kind (package), ==, UE_NODE_KIND_PACKAGE);
  after = ue_test_doc_dump (doc);
  /* before the first pass, indented as the file is, with its line endings */
  g_assert_nonnull (strstr (after, servicing_block));
  g_assert_true (g_str_has_prefix (after, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!-- keep me -->\r\n"));
  assert_crlf_only (after);

  identity = ue_package_node_dup_identity (package);
  g_assert_cmpstr (identity->name, ==, def->name);
  g_assert_cmpstr (identity->version, ==, def->version);
  g_assert_cmpstr (identity->arch, ==, def->arch);
  g_assert_cmpstr (identity->public_key_token, ==, def->public_key_token);
  g_assert_cmpstr (identity->language, ==, def->language);
  action = ue_package_node_dup_action (package);
  g_assert_cmpstr (action, ==, "configure");

  /* one user action, one undo step */
  g_assert_true (ue_answer_doc_undo (doc));
  g_assert_false (ue_answer_doc_can_undo (doc));
  undone = ue_test_doc_dump (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (ue_answer_doc_redo (doc));
  redone = ue_test_doc_dump (doc);
  g_assert_cmpstr (redone, ==, after);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_add_twice (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (crlf_doc);
  g_autoptr(UePackageDef) def = foundation_def ();
  g_autoptr(UePackageDef) other_case = foundation_def ();
  g_autoptr(UePackageDef) other_version = foundation_def ();
  g_autofree char *out = NULL;
  UeNode *first, *second, *third;

  first = ue_answer_doc_add_package (doc, def, "install");
  g_free (other_case->name);
  other_case->name = g_ascii_strup (def->name, -1);
  second = ue_answer_doc_add_package (doc, other_case, NULL);
  g_assert_true (first == second);
  g_assert_true (ue_answer_doc_find_package (doc, other_case) == first);
  out = ue_test_doc_dump (doc);
  g_assert_cmpuint (count (out, "<package "), ==, 1);
  g_assert_cmpuint (count (out, "<servicing>"), ==, 1);
  /* the second add changed nothing: one undo empties the stack */
  g_assert_true (ue_answer_doc_undo (doc));
  g_assert_false (ue_answer_doc_can_undo (doc));
  g_assert_true (ue_answer_doc_redo (doc));

  /* another version is another package, in the same <servicing> */
  g_free (other_version->version);
  other_version->version = g_strdup ("6.0.6002.18005");
  third = ue_answer_doc_add_package (doc, other_version, NULL);
  g_assert_true (third != first);
  g_clear_pointer (&out, g_free);
  out = ue_test_doc_dump (doc);
  g_assert_cmpuint (count (out, "<package "), ==, 2);
  g_assert_cmpuint (count (out, "<servicing>"), ==, 1);
  g_assert_true (strstr (out, "6.0.6001.18000") < strstr (out, "6.0.6002.18005"));
}

static void
test_set_action (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (crlf_doc);
  g_autoptr(UePackageDef) def = foundation_def ();
  UeNode *package = ue_answer_doc_add_package (doc, def, NULL);
  g_autofree char *before = ue_test_doc_dump (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *action = NULL;

  ue_answer_doc_set_package_action (doc, package, UE_PACKAGE_ACTION_REMOVE);
  action = ue_package_node_dup_action (package);
  g_assert_cmpstr (action, ==, "remove");
  after = ue_test_doc_dump (doc);
  g_assert_nonnull (strstr (after, "        <package action=\"remove\">\r\n"));
  g_assert_cmpstr (ue_answer_doc_get_undo_label (doc), ==, "Set Package Action");
  g_assert_true (ue_answer_doc_undo (doc));
  undone = ue_test_doc_dump (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (ue_package_action_is_valid ("stage"));
  g_assert_false (ue_package_action_is_valid ("Install"));
  g_assert_cmpuint (g_strv_length ((char **) ue_package_actions ()), ==, 4);
}

static void
test_features (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (crlf_doc);
  g_autoptr(UePackageDef) def = foundation_def ();
  UeNode *package = ue_answer_doc_add_package (doc, def, NULL);
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) selections = NULL;
  g_autofree char *out = NULL;

  g_ptr_array_add (snapshots, ue_test_doc_dump (doc));
  ue_answer_doc_set_feature_state (doc, package, "TelnetClient", UE_FEATURE_STATE_ENABLED);
  g_ptr_array_add (snapshots, ue_test_doc_dump (doc));
  ue_answer_doc_set_feature_state (doc, package, "SNMP", UE_FEATURE_STATE_DISABLED);
  g_ptr_array_add (snapshots, ue_test_doc_dump (doc));
  out = ue_test_doc_dump (doc);
  g_assert_nonnull (strstr (out,
    "language=\"neutral\"/>\r\n"
    "            <selection name=\"TelnetClient\" state=\"true\"/>\r\n"
    "            <selection name=\"SNMP\" state=\"false\"/>\r\n"
    "        </package>\r\n"));
  g_assert_cmpint (ue_package_node_get_feature_state (package, "telnetclient"), ==, UE_FEATURE_STATE_ENABLED);
  g_assert_cmpint (ue_package_node_get_feature_state (package, "SNMP"), ==, UE_FEATURE_STATE_DISABLED);
  g_assert_cmpint (ue_package_node_get_feature_state (package, "Printing-Foundation-Features"), ==,
                   UE_FEATURE_STATE_NOT_SET);

  /* a change of state keeps the selection where it is */
  ue_answer_doc_set_feature_state (doc, package, "SNMP", UE_FEATURE_STATE_ENABLED);
  g_ptr_array_add (snapshots, ue_test_doc_dump (doc));
  g_assert_nonnull (strstr (snapshots->pdata[3], "<selection name=\"SNMP\" state=\"true\"/>\r\n        </package>"));
  /* setting the state it has is no edit */
  ue_answer_doc_set_feature_state (doc, package, "SNMP", UE_FEATURE_STATE_ENABLED);
  g_assert_cmpstr (ue_answer_doc_get_undo_label (doc), ==, "Enable Feature");
  /* cleared: back to "not set" */
  ue_answer_doc_set_feature_state (doc, package, "TelnetClient", UE_FEATURE_STATE_NOT_SET);
  g_ptr_array_add (snapshots, ue_test_doc_dump (doc));
  g_assert_cmpint (ue_package_node_get_feature_state (package, "TelnetClient"), ==, UE_FEATURE_STATE_NOT_SET);
  g_assert_null (strstr (snapshots->pdata[4], "TelnetClient"));
  selections = ue_package_node_get_selections (package);
  g_assert_cmpuint (selections->len, ==, 1);
  /* clearing what is not set is no edit */
  ue_answer_doc_set_feature_state (doc, package, "TelnetClient", UE_FEATURE_STATE_NOT_SET);
  g_assert_cmpstr (ue_answer_doc_get_undo_label (doc), ==, "Clear Feature Selection");

  /* each action is one undo step back to the exact bytes before it */
  for (guint i = snapshots->len - 1; i > 0; i--)
    {
      g_autofree char *undone = NULL;

      g_assert_true (ue_answer_doc_undo (doc));
      undone = ue_test_doc_dump (doc);
      g_assert_cmpstr (undone, ==, snapshots->pdata[i - 1]);
    }
  for (guint i = 1; i < snapshots->len; i++)
    {
      g_autofree char *redone = NULL;

      g_assert_true (ue_answer_doc_redo (doc));
      redone = ue_test_doc_dump (doc);
      g_assert_cmpstr (redone, ==, snapshots->pdata[i]);
    }
}

static guint
validate (UeAnswerDoc *doc,
          UeCatalog   *catalog,
          GPtrArray   *lines)
{
  g_autoptr(UeValidator) validator = ue_validator_new (catalog);
  guint errors = ue_validator_run (validator, doc);
  GListModel *messages = ue_validator_get_messages (validator);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(UeMessage) message = g_list_model_get_item (messages, i);

      g_ptr_array_add (lines, ue_message_format (message));
    }
  return errors;
}

static void
test_round_trip_validates (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (crlf_doc);
  g_autoptr(UePackageDef) def = foundation_def ();
  g_autoptr(UeCatalog) catalog = make_catalog ();
  UeNode *package = ue_answer_doc_add_package (doc, def, NULL);
  g_autofree char *out = NULL;
  g_autofree char *again_out = NULL;
  g_autoptr(UeAnswerDoc) again = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) selections = NULL;
  UeNode *reloaded;

  ue_answer_doc_set_package_action (doc, package, UE_PACKAGE_ACTION_INSTALL);
  ue_answer_doc_set_feature_state (doc, package, "TelnetClient", UE_FEATURE_STATE_ENABLED);
  ue_answer_doc_set_feature_state (doc, package, "SNMP", UE_FEATURE_STATE_DISABLED);
  g_assert_true (ue_package_node_find_def (package, catalog) == g_ptr_array_index (ue_catalog_get_packages (catalog), 0));
  g_assert_cmpuint (validate (doc, catalog, lines), ==, 0);
  g_assert_cmpuint (lines->len, ==, 0);

  out = ue_test_doc_dump (doc);
  again = ue_test_doc_load (out);
  again_out = ue_test_doc_dump (again);
  g_assert_cmpstr (again_out, ==, out);
  reloaded = ue_answer_doc_find_package (again, def);
  g_assert_nonnull (reloaded);
  selections = ue_package_node_get_selections (reloaded);
  g_assert_cmpuint (selections->len, ==, 2);
  g_assert_cmpint (ue_package_node_get_feature_state (reloaded, "SNMP"), ==, UE_FEATURE_STATE_DISABLED);
}

/* a file that has <servicing> gets the new package after the ones it holds */
static void
test_existing_servicing (void)
{
  static const char text[] =
    "<?xml version=\"1.0\"?>\n"
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
    "\t<servicing>\n"
    "\t\t<package action=\"remove\">\n"
    "\t\t\t<assemblyIdentity name=\"Other\" version=\"1.0\" processorArchitecture=\"x86\" "
    "publicKeyToken=\"31bf3856ad364e35\" language=\"\"/>\n"
    "\t\t</package>\n"
    "\t</servicing>\n"
    "</unattend>\n";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autoptr(UePackageDef) def = foundation_def ();
  g_autofree char *out = NULL;

  ue_answer_doc_add_package (doc, def, UE_PACKAGE_ACTION_STAGE);
  out = ue_test_doc_dump (doc);
  g_assert_nonnull (strstr (out, "\t\t</package>\n\t\t<package action=\"stage\">\n\t\t\t<assemblyIdentity "
                                 "name=\"Microsoft-Windows-Foundation-Package\""));
  g_assert_true (g_str_has_suffix (out, "\t\t</package>\n\t</servicing>\n</unattend>\n"));
  g_assert_cmpuint (count (out, "<servicing>"), ==, 1);
}

static void
test_fragment (void)
{
  static const char text[] = "<settings pass=\"specialize\" xmlns=\"urn:schemas-microsoft-com:unattend\"/>\n";
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autoptr(UePackageDef) def = foundation_def ();

  g_assert_null (ue_answer_doc_add_package (doc, def, NULL));
  g_assert_false (ue_answer_doc_can_undo (doc));
}

static void
test_validator_messages (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
    "  <servicing>\n"
    "    <package action=\"enable\">\n"
    "      <assemblyIdentity name=\"Microsoft-Windows-Foundation-Package\" version=\"6.0.6001.18000\" "
    "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\"/>\n"
    "      <selection name=\"TelnetClnt\" state=\"true\"/>\n"
    "      <selection name=\"Hyper-V\" state=\"false\"/>\n"
    "      <selection name=\"snmp\" state=\"yes\"/>\n"
    "      <selection name=\"TelnetClient\" state=\"True\"/>\n"
    "    </package>\n"
    "  </servicing>\n"
    "</unattend>\n";
  static const char * const expected[] = {
    "test.xml:4:14: error: package action “enable” is not one of install, configure, remove, stage",
    "test.xml:6:18: warning: package Microsoft-Windows-Foundation-Package has no feature “TelnetClnt”; "
    "did you mean “TelnetClient”?",
    "test.xml:7:18: warning: package Microsoft-Windows-Foundation-Package has no feature “Hyper-V”",
    "test.xml:8:30: error: feature state “yes” is neither true nor false",
    NULL,
  };
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
  g_autoptr(UeCatalog) catalog = make_catalog ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) without = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (validate (doc, catalog, lines), ==, 2);
  g_ptr_array_add (lines, NULL);
  g_assert_cmpstrv ((char **) lines->pdata, expected);
  /* without the package in the catalog, nothing is known about its features */
  g_assert_cmpuint (validate (doc, NULL, without), ==, 2);
  g_assert_cmpuint (without->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/packages/add-without-servicing", test_add_without_servicing);
  g_test_add_func ("/core/packages/add-twice", test_add_twice);
  g_test_add_func ("/core/packages/set-action", test_set_action);
  g_test_add_func ("/core/packages/features", test_features);
  g_test_add_func ("/core/packages/round-trip-validates", test_round_trip_validates);
  g_test_add_func ("/core/packages/existing-servicing", test_existing_servicing);
  g_test_add_func ("/core/packages/fragment", test_fragment);
  g_test_add_func ("/core/packages/validator-messages", test_validator_messages);
  return g_test_run ();
}
