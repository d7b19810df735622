/* test-merge.c — merging one answer file into another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/secret.h"
#include "merge-test-util.h"

static void
test_disjoint (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (HEAD
    "    <!-- base: keep this comment -->\n"
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <ComputerName>*</ComputerName>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "  <settings pass=\"oobeSystem\">\n"
    "    " COMP ("Microsoft-Windows-International-Core", "amd64")
    "      <UILanguage>de-DE</UILanguage>\n"
    "    </component>\n"
    "  </settings>\n"
    "  <settings pass=\"specialize\">\n"
    "    " COMP ("Microsoft-Windows-IE-ESC", "amd64")
    "      <IEHardenAdmin>false</IEHardenAdmin>\n"
    "    </component>\n"
    "    " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "      <TimeZone>UTC</TimeZone>\n"
    "    </component>\n"
    "  </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, NULL, NULL);
  g_autofree char *out = ue_test_doc_dump (base);
  g_autoptr(GPtrArray) passes = ue_answer_doc_get_passes (base);

  g_assert_cmpuint (conflicts->len, ==, 0);
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", NULL, "*");
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/TimeZone", NULL, "UTC");
  assert_value (base, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, "false");
  assert_value (base, "oobeSystem/Microsoft-Windows-International-Core/UILanguage", NULL, "de-DE");
  /* BASE's layout (4 spaces) is the one new elements follow, not OTHER's (2) */
  g_assert_nonnull (strstr (out, "    <!-- base: keep this comment -->\n    <settings pass=\"specialize\">\n"));
  g_assert_nonnull (strstr (out, "\n            <TimeZone>UTC</TimeZone>\n"));
  g_assert_nonnull (strstr (out, "\n    <settings pass=\"oobeSystem\">\n        <component name=\"Microsoft-Windows-International-Core\""));
  /* the existing pass and component are reused, passes in WSIM order */
  g_assert_cmpuint (passes->len, ==, 2);
  g_assert_true (strstr (out, "pass=\"specialize\"") < strstr (out, "pass=\"oobeSystem\""));
  g_assert_null (strstr (strstr (out, "Shell-Setup") + 1, "Shell-Setup"));
}

static const char *conflict_base = HEAD
  "    <settings pass=\"specialize\">\n"
  "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
  "            <ComputerName>BASE-PC</ComputerName>\n"
  "            <TimeZone> UTC </TimeZone>\n"
  "            <RegisteredOwner>Base Owner</RegisteredOwner>\n"
  "        </component>\n"
  "        " COMP ("Microsoft-Windows-IE-ESC", "amd64")
  "            <IEHardenAdmin>false</IEHardenAdmin>\n"
  "        </component>\n"
  "    </settings>\n" TAIL;

static const char *conflict_other = HEAD
  "    <settings pass=\"specialize\">\n"
  "        " COMP ("microsoft-windows-shell-setup", "amd64")
  "            <ComputerName>OTHER-PC</ComputerName>\n"
  "            <TimeZone>UTC</TimeZone>\n"
  "            <RegisteredOwner>Other Owner</RegisteredOwner>\n"
  "        </component>\n"
  "        " COMP ("Microsoft-Windows-IE-ESC", "amd64")
  "            <IEHardenAdmin>False</IEHardenAdmin>\n"
  "        </component>\n"
  "    </settings>\n" TAIL;

static void
test_conflicts_keep_base (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (conflict_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (conflict_other, "other.xml");
  g_autofree char *before = ue_test_doc_dump (base);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ue_doc_merge (base, other, NULL, ue_merge_keep_base, NULL, &conflicts, NULL));
  /* spaces around a value and the case of a boolean are no conflict; the component
   * name matches case-insensitively */
  g_assert_cmpuint (conflicts->len, ==, 2);
  ue_test_merge_assert_conflict (conflicts, 0, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "BASE-PC", "OTHER-PC", FALSE);
  ue_test_merge_assert_conflict (conflicts, 1, "specialize/Microsoft-Windows-Shell-Setup/RegisteredOwner", "Base Owner", "Other Owner", FALSE);
  after = ue_test_doc_dump (base);
  g_assert_cmpstr (after, ==, before);
  /* nothing changed: no undo step either */
  g_assert_false (ue_answer_doc_can_undo (base));
}

static void
test_conflicts_take_other (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (conflict_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (conflict_other, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, ue_merge_take_other, NULL);

  g_assert_cmpuint (conflicts->len, ==, 2);
  ue_test_merge_assert_conflict (conflicts, 0, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "BASE-PC", "OTHER-PC", TRUE);
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", NULL, "OTHER-PC");
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/RegisteredOwner", NULL, "Other Owner");
  /* equal values keep BASE's spelling */
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/TimeZone", NULL, " UTC ");
  assert_value (base, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", NULL, "false");
}

static gboolean
take_owner_only (const UeMergeConflict *conflict,
                 gpointer               user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return g_str_has_suffix (conflict->path, "/RegisteredOwner");
}

static void
test_conflicts_per_setting (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (conflict_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (conflict_other, "other.xml");
  guint calls = 0;
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, take_owner_only, &calls);

  /* the resolver is asked once per conflict (the dry run does not ask) */
  g_assert_cmpuint (calls, ==, 2);
  ue_test_merge_assert_conflict (conflicts, 0, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "BASE-PC", "OTHER-PC", FALSE);
  ue_test_merge_assert_conflict (conflicts, 1, "specialize/Microsoft-Windows-Shell-Setup/RegisteredOwner", "Base Owner", "Other Owner", TRUE);
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", NULL, "BASE-PC");
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/RegisteredOwner", NULL, "Other Owner");
}

static void
test_lists_by_key (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <UserAccounts>\n"
    "                <LocalAccounts>\n"
    "                    <LocalAccount wcm:action=\"add\">\n"
    "                        <Name>a</Name>\n"
    "                        <Group>Users</Group>\n"
    "                    </LocalAccount>\n"
    "                </LocalAccounts>\n"
    "            </UserAccounts>\n"
    "            <FirstLogonCommands>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>1</Order>\n"
    "                    <CommandLine>one.cmd</CommandLine>\n"
    "                </SynchronousCommand>\n"
    "            </FirstLogonCommands>\n"
    "        </component>\n"
    "    </settings>\n"
    "    <settings pass=\"windowsPE\">\n"
    "        " COMP ("Microsoft-Windows-PnpCustomizationsWinPE", "amd64")
    "            <DriverPaths>\n"
    "                <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\">\n"
    "                    <Path>D:\\drivers</Path>\n"
    "                </PathAndCredentials>\n"
    "            </DriverPaths>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <UserAccounts>\n"
    "                <LocalAccounts>\n"
    "                    <LocalAccount wcm:action=\"add\">\n"
    "                        <Name>b</Name>\n"
    "                        <Group>Administrators</Group>\n"
    "                    </LocalAccount>\n"
    "                    <LocalAccount wcm:action=\"add\">\n"
    "                        <Group>Administrators</Group>\n"
    "                        <Name>a</Name>\n"
    "                    </LocalAccount>\n"
    "                </LocalAccounts>\n"
    "            </UserAccounts>\n"
    "            <FirstLogonCommands>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <Order>2</Order>\n"
    "                    <CommandLine>two.cmd</CommandLine>\n"
    "                </SynchronousCommand>\n"
    "                <SynchronousCommand wcm:action=\"add\">\n"
    "                    <CommandLine>one.cmd</CommandLine>\n"
    "                    <Order>1</Order>\n"
    "                </SynchronousCommand>\n"
    "            </FirstLogonCommands>\n"
    "        </component>\n"
    "    </settings>\n"
    "    <settings pass=\"windowsPE\">\n"
    "        " COMP ("Microsoft-Windows-PnpCustomizationsWinPE", "amd64")
    "            <DriverPaths>\n"
    "                <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"2\">\n"
    "                    <Path>E:\\drivers</Path>\n"
    "                </PathAndCredentials>\n"
    "                <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\">\n"
    "                    <Path>D:\\drivers</Path>\n"
    "                </PathAndCredentials>\n"
    "            </DriverPaths>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, ue_merge_keep_base, NULL);
  const char *accounts = "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts";
  const char *commands = "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands";
  const char *paths = "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths";
  UeNode *added;
  g_autofree char *action = NULL;

  /* a matched by Name whatever the order of its children: only its Group conflicts */
  g_assert_cmpuint (conflicts->len, ==, 1);
  ue_test_merge_assert_conflict (conflicts, 0, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=a]/Group",
                                 "Users", "Administrators", FALSE);
  g_assert_cmpuint (ue_test_merge_count_children (base, accounts, "LocalAccount"), ==, 2);
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=b]/Group", NULL, "Administrators");
  added = ue_answer_doc_lookup (base, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=b]", NULL, NULL);
  action = ue_node_dup_attribute (added, "wcm:action");
  g_assert_cmpstr (action, ==, "add");

  g_assert_cmpuint (ue_test_merge_count_children (base, commands, "SynchronousCommand"), ==, 2);
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine", NULL, "one.cmd");
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=2]/CommandLine", NULL, "two.cmd");

  g_assert_cmpuint (ue_test_merge_count_children (base, paths, "PathAndCredentials"), ==, 2);
  assert_value (base, "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials[@keyValue=2]/Path", NULL, "E:\\drivers");
}

static void
test_keyless_items (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Contoso-Test", "amd64")
    "            <Items>\n"
    "                <Item wcm:action=\"add\">a</Item>\n"
    "            </Items>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Contoso-Test", "amd64")
    "            <Items>\n"
    "                <Item wcm:action=\"add\">b</Item>\n"
    "                <Item wcm:action=\"add\"> a </Item>\n"
    "            </Items>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, NULL, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *once = ue_test_doc_dump (base);
  g_autofree char *twice = NULL;

  /* items without a key match identical items: "a" is there, "b" is new */
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (ue_test_merge_count_children (base, "specialize/Contoso-Test/Items", "Item"), ==, 2);
  g_assert_nonnull (strstr (once, ">b</Item>"));
  /* so merging the same file again changes nothing */
  g_assert_true (ue_doc_merge (base, other, NULL, NULL, NULL, &again, NULL));
  twice = ue_test_doc_dump (base);
  g_assert_cmpstr (twice, ==, once);
}

static void
test_dual_arch (void)
{
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "x86")
    "            <TimeZone>UTC</TimeZone>\n"
    "        </component>\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <TimeZone>UTC</TimeZone>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <TimeZone>Pacific Standard Time</TimeZone>\n"
    "            <ComputerName>*</ComputerName>\n"
    "        </component>\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "wow64")
    "            <ComputerName>*</ComputerName>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, ue_merge_take_other, NULL);
  UeNode *wow64;

  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((UeMergeConflict *) conflicts->pdata[0])->arch, ==, "amd64");
  /* each architecture is its own component: x86 is left alone */
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/TimeZone", "x86", "UTC");
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "x86", NULL);
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/TimeZone", "amd64", "Pacific Standard Time");
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "amd64", "*");
  wow64 = ue_answer_doc_find_component (base, ue_answer_doc_find_pass (base, "specialize"), "Microsoft-Windows-Shell-Setup", "wow64");
  g_assert_nonnull (wow64);
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "wow64", "*");
}

static void
test_crlf_base (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
    "<!-- made by hand -->\r\n"
    "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
    "    <settings pass=\"specialize\">\r\n"
    "        <component name=\"Microsoft-Windows-Shell-Setup\"   processorArchitecture='amd64'\r\n"
    "                   publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\">\r\n"
    "            <!-- generated -->\r\n"
    "            <ComputerName>*</ComputerName>\r\n"
    "        </component>\r\n"
    "    </settings>\r\n"
    "</unattend>\r\n";
  const char *untouched_end = "            <ComputerName>*</ComputerName>\r\n";
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (text, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "  <settings pass=\"specialize\">\n"
    "    " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "      <TimeZone>UTC</TimeZone>\n"
    "    </component>\n"
    "  </settings>\n"
    "  <settings pass=\"oobeSystem\">\n"
    "    " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "      <OOBE>\n"
    "        <HideEULAPage>true</HideEULAPage>\n"
    "      </OOBE>\n"
    "    </component>\n"
    "  </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, other, NULL, NULL);
  g_autofree char *out = ue_test_doc_dump (base);
  gsize prefix = strstr (text, untouched_end) - text + strlen (untouched_end);

  g_assert_cmpuint (conflicts->len, ==, 0);
  /* everything up to the insertion point is BASE's bytes */
  g_assert_cmpint (strncmp (out, text, prefix), ==, 0);
  g_assert_nonnull (strstr (out, "            <TimeZone>UTC</TimeZone>\r\n        </component>\r\n"));
  /* every line ending written is CRLF, as in BASE */
  for (const char *p = strchr (out, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');
  g_assert_nonnull (strstr (out, "                <HideEULAPage>true</HideEULAPage>\r\n"));
  g_assert_true (g_str_has_suffix (out, "    </settings>\r\n</unattend>\r\n"));
}

static void
test_passwords (void)
{
  g_autofree char *hidden = ue_secret_encode ("AdministratorPassword", "Secret-1");
  g_autofree char *base_text = g_strdup_printf (HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <UserAccounts>\n"
    "                <AdministratorPassword>\n"
    "                    <Value>%s</Value>\n"
    "                    <PlainText>false</PlainText>\n"
    "                </AdministratorPassword>\n"
    "            </UserAccounts>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, hidden);
  const char *other_template = HEAD
    "    <settings pass=\"oobeSystem\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <UserAccounts>\n"
    "                <AdministratorPassword>\n"
    "                    <Value>%s</Value>\n"
    "                    <PlainText>true</PlainText>\n"
    "                </AdministratorPassword>\n"
    "            </UserAccounts>\n"
    "        </component>\n"
    "    </settings>\n" TAIL;
  g_autofree char *same_text = g_strdup_printf (other_template, "Secret-1");
  g_autofree char *new_text = g_strdup_printf (other_template, "Secret-2");
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (base_text, "base.xml");
  g_autoptr(UeAnswerDoc) same = ue_test_doc_load_named (same_text, "same.xml");
  g_autoptr(UeAnswerDoc) changed = ue_test_doc_load_named (new_text, "changed.xml");
  g_autoptr(GPtrArray) none = ue_doc_merge_find_conflicts (base, same, NULL);
  g_autoptr(GPtrArray) conflicts = ue_test_merge_checked (base, changed, ue_merge_take_other, NULL);
  UeMergeConflict *c;
  const char *path = "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword";

  /* hidden in one, plain in the other: the same password, no conflict */
  g_assert_cmpuint (none->len, ==, 0);
  /* one conflict for the password, not one for Value and one for PlainText */
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = conflicts->pdata[0];
  g_assert_cmpstr (c->path, ==, path);
  g_assert_true (c->secret);
  g_assert_cmpstr (c->base_value, ==, "Secret-1");
  g_assert_cmpstr (c->other_value, ==, "Secret-2");
  /* taken as OTHER wrote it: Value and PlainText together */
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/Value", NULL, "Secret-2");
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword/PlainText", NULL, "true");
}

/* a one-pass fragment takes neither another pass nor servicing packages */
static void
test_fragment_base (void)
{
  const char *others[] = {
    conflict_other,
    HEAD "  <servicing>\n"
    "    <package action=\"install\">\n"
    "      <assemblyIdentity name=\"Package_for_KB2533552\" version=\"6.1.1.1\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" />\n"
    "    </package>\n"
    "  </servicing>\n" TAIL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named ("<settings pass=\"windowsPE\">\n</settings>\n", "fragment.xml");
      g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (others[i], "other.xml");
      g_autoptr(GError) error = NULL;
      g_autofree char *before = ue_test_doc_dump (base);
      g_autofree char *after = NULL;

      g_assert_false (ue_doc_merge (base, other, NULL, NULL, NULL, NULL, &error));
      g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_PATH);
      g_assert_true (g_str_has_prefix (error->message, "fragment.xml: error: "));
      after = ue_test_doc_dump (base);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (ue_answer_doc_can_undo (base));
    }
}

static void
test_catalog_key (void)
{
  /* the catalog names the key: without it, Name would be guessed and the items would match */
  g_autoptr(UeCatalog) catalog = ue_catalog_new (UE_CATALOG_SOURCE_EMBEDDED);
  g_autoptr(UeComponentDef) comp = ue_component_def_new ("Contoso-Test", "amd64");
  g_autoptr(UeSettingDef) list = ue_setting_def_new ("Items", UE_SETTING_KIND_COMPLEX);
  g_autoptr(UeSettingDef) item = ue_setting_def_new ("Item", UE_SETTING_KIND_LIST);
  g_autoptr(UeAnswerDoc) base = ue_test_doc_load_named (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Contoso-Test", "amd64")
    "            <Items>\n"
    "                <Item wcm:action=\"add\"><Name>x</Name><Port>1</Port></Item>\n"
    "            </Items>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = ue_test_doc_load_named (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Contoso-Test", "amd64")
    "            <Items>\n"
    "                <Item wcm:action=\"add\"><Name>x</Name><Port>2</Port></Item>\n"
    "            </Items>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) guessed = ue_doc_merge_find_conflicts (base, other, NULL);
  g_autoptr(GPtrArray) conflicts = NULL;

  item->key = g_strdup ("Port");
  ue_setting_def_add_child (list, item);
  ue_component_def_add_setting (comp, list);
  ue_catalog_add_component (catalog, comp);

  g_assert_cmpuint (guessed->len, ==, 1);
  g_assert_true (ue_doc_merge (base, other, catalog, NULL, NULL, &conflicts, NULL));
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (ue_test_merge_count_children (base, "specialize/Contoso-Test/Items", "Item"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/merge/disjoint", test_disjoint);
  g_test_add_func ("/core/merge/conflicts-keep-base", test_conflicts_keep_base);
  g_test_add_func ("/core/merge/conflicts-take-other", test_conflicts_take_other);
  g_test_add_func ("/core/merge/conflicts-per-setting", test_conflicts_per_setting);
  g_test_add_func ("/core/merge/lists-by-key", test_lists_by_key);
  g_test_add_func ("/core/merge/keyless-items", test_keyless_items);
  g_test_add_func ("/core/merge/dual-arch", test_dual_arch);
  g_test_add_func ("/core/merge/crlf-base", test_crlf_base);
  g_test_add_func ("/core/merge/passwords", test_passwords);
  g_test_add_func ("/core/merge/fragment-base", test_fragment_base);
  g_test_add_func ("/core/merge/catalog-key", test_catalog_key);
  return g_test_run ();
}
