/* test-merge.c — merging one answer file into another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/doc-merge.h"
#include "core/secret.h"
#include "core/validator.h"

#define HEAD "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\n"
#define TAIL "</unattend>\n"
#define COMP(name, arch) \
  "<component name=\"" name "\" processorArchitecture=\"" arch "\" publicKeyToken=\"31bf3856ad364e35\" " \
  "language=\"neutral\" versionScope=\"nonSxS\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n"

static UeAnswerDoc *
load (const char *text,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  UeAnswerDoc *doc = ue_answer_doc_new_from_data (text, strlen (text), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
dump (UeAnswerDoc *doc)
{
  g_autoptr(GBytes) bytes = ue_answer_doc_to_bytes (doc);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
value_at (UeAnswerDoc *doc,
          const char  *path,
          const char  *arch)
{
  g_autoptr(GError) error = NULL;
  UeNode *node = ue_answer_doc_lookup (doc, path, arch, &error);

  g_assert_no_error (error);
  return node ? ue_node_dup_text (node) : NULL;
}

#define assert_value(doc, path, arch, expected) \
  G_STMT_START { \
    g_autofree char *v_ = value_at (doc, path, arch); \
    g_assert_cmpstr (v_, ==, expected); \
  } G_STMT_END

/* merge, check it was one undo step that undoes to BASE's bytes and redoes to the result */
static GPtrArray *
merge_checked_with (UeAnswerDoc    *base,
                    UeAnswerDoc    *other,
                    UeCatalog      *catalog,
                    UeMergeResolver resolver,
                    gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (base);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GPtrArray) dry = ue_doc_merge_find_conflicts (base, other, catalog);
  g_autofree char *after_dry = dump (base);
  GPtrArray *conflicts = NULL;

  /* the dry run changes nothing */
  g_assert_cmpstr (after_dry, ==, before);
  g_assert_false (ue_answer_doc_can_undo (base));

  g_assert_true (ue_doc_merge (base, other, catalog, resolver, data, &conflicts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, dry->len);
  for (guint i = 0; i < dry->len; i++)
    g_assert_cmpstr (((UeMergeConflict *) dry->pdata[i])->path, ==, ((UeMergeConflict *) conflicts->pdata[i])->path);

  after = dump (base);
  g_assert_true (ue_answer_doc_undo (base));
  g_assert_false (ue_answer_doc_can_undo (base));
  {
    g_autofree char *undone = dump (base);
    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_true (ue_answer_doc_redo (base));
  redone = dump (base);
  g_assert_cmpstr (redone, ==, after);
  return conflicts;
}

static GPtrArray *
merge_checked (UeAnswerDoc    *base,
               UeAnswerDoc    *other,
               UeMergeResolver resolver,
               gpointer        data)
{
  return merge_checked_with (base, other, NULL, resolver, data);
}

static void
test_disjoint (void)
{
  g_autoptr(UeAnswerDoc) base = load (HEAD
    "    <!-- base: keep this comment -->\n"
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <ComputerName>*</ComputerName>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (HEAD
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
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, NULL, NULL);
  g_autofree char *out = dump (base);
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
assert_conflict (GPtrArray  *conflicts,
                 guint       i,
                 const char *path,
                 const char *base_value,
                 const char *other_value,
                 gboolean    take_other)
{
  UeMergeConflict *c = conflicts->pdata[i];

  g_assert_cmpstr (c->path, ==, path);
  g_assert_cmpstr (c->base_value, ==, base_value);
  g_assert_cmpstr (c->other_value, ==, other_value);
  g_assert_cmpint (c->take_other, ==, take_other);
}

static void
test_conflicts_keep_base (void)
{
  g_autoptr(UeAnswerDoc) base = load (conflict_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (conflict_other, "other.xml");
  g_autofree char *before = dump (base);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ue_doc_merge (base, other, NULL, ue_merge_keep_base, NULL, &conflicts, NULL));
  /* spaces around a value and the case of a boolean are no conflict; the component
   * name matches case-insensitively */
  g_assert_cmpuint (conflicts->len, ==, 2);
  assert_conflict (conflicts, 0, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "BASE-PC", "OTHER-PC", FALSE);
  assert_conflict (conflicts, 1, "specialize/Microsoft-Windows-Shell-Setup/RegisteredOwner", "Base Owner", "Other Owner", FALSE);
  after = dump (base);
  g_assert_cmpstr (after, ==, before);
  /* nothing changed: no undo step either */
  g_assert_false (ue_answer_doc_can_undo (base));
}

static void
test_conflicts_take_other (void)
{
  g_autoptr(UeAnswerDoc) base = load (conflict_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (conflict_other, "other.xml");
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, ue_merge_take_other, NULL);

  g_assert_cmpuint (conflicts->len, ==, 2);
  assert_conflict (conflicts, 0, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "BASE-PC", "OTHER-PC", TRUE);
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
  g_autoptr(UeAnswerDoc) base = load (conflict_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (conflict_other, "other.xml");
  guint calls = 0;
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, take_owner_only, &calls);

  /* the resolver is asked once per conflict (the dry run does not ask) */
  g_assert_cmpuint (calls, ==, 2);
  assert_conflict (conflicts, 0, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "BASE-PC", "OTHER-PC", FALSE);
  assert_conflict (conflicts, 1, "specialize/Microsoft-Windows-Shell-Setup/RegisteredOwner", "Base Owner", "Other Owner", TRUE);
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", NULL, "BASE-PC");
  assert_value (base, "specialize/Microsoft-Windows-Shell-Setup/RegisteredOwner", NULL, "Other Owner");
}

static guint
count_children (UeAnswerDoc *doc,
                const char  *path,
                const char  *name)
{
  UeNode *parent = ue_answer_doc_lookup (doc, path, NULL, NULL);
  guint n = 0;

  g_assert_nonnull (parent);
  for (UeNode *c = ue_node_get_first_child (parent); c != NULL; c = ue_node_get_next (c))
    n += strcmp (ue_node_get_name (c), name) == 0;
  return n;
}

static void
test_lists_by_key (void)
{
  g_autoptr(UeAnswerDoc) base = load (HEAD
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
  g_autoptr(UeAnswerDoc) other = load (HEAD
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
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, ue_merge_keep_base, NULL);
  const char *accounts = "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts";
  const char *commands = "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands";
  const char *paths = "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths";
  UeNode *added;
  g_autofree char *action = NULL;

  /* a matched by Name whatever the order of its children: only its Group conflicts */
  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (conflicts, 0, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=a]/Group",
                   "Users", "Administrators", FALSE);
  g_assert_cmpuint (count_children (base, accounts, "LocalAccount"), ==, 2);
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=b]/Group", NULL, "Administrators");
  added = ue_answer_doc_lookup (base, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=b]", NULL, NULL);
  action = ue_node_dup_attribute (added, "wcm:action");
  g_assert_cmpstr (action, ==, "add");

  g_assert_cmpuint (count_children (base, commands, "SynchronousCommand"), ==, 2);
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine", NULL, "one.cmd");
  assert_value (base, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=2]/CommandLine", NULL, "two.cmd");

  g_assert_cmpuint (count_children (base, paths, "PathAndCredentials"), ==, 2);
  assert_value (base, "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials[@keyValue=2]/Path", NULL, "E:\\drivers");
}

static void
test_keyless_items (void)
{
  g_autoptr(UeAnswerDoc) base = load (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Contoso-Test", "amd64")
    "            <Items>\n"
    "                <Item wcm:action=\"add\">a</Item>\n"
    "            </Items>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Contoso-Test", "amd64")
    "            <Items>\n"
    "                <Item wcm:action=\"add\">b</Item>\n"
    "                <Item wcm:action=\"add\"> a </Item>\n"
    "            </Items>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, NULL, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *once = dump (base);
  g_autofree char *twice = NULL;

  /* items without a key match identical items: "a" is there, "b" is new */
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (count_children (base, "specialize/Contoso-Test/Items", "Item"), ==, 2);
  g_assert_nonnull (strstr (once, ">b</Item>"));
  /* so merging the same file again changes nothing */
  g_assert_true (ue_doc_merge (base, other, NULL, NULL, NULL, &again, NULL));
  twice = dump (base);
  g_assert_cmpstr (twice, ==, once);
}

static void
test_dual_arch (void)
{
  g_autoptr(UeAnswerDoc) base = load (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "x86")
    "            <TimeZone>UTC</TimeZone>\n"
    "        </component>\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <TimeZone>UTC</TimeZone>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "amd64")
    "            <TimeZone>Pacific Standard Time</TimeZone>\n"
    "            <ComputerName>*</ComputerName>\n"
    "        </component>\n"
    "        " COMP ("Microsoft-Windows-Shell-Setup", "wow64")
    "            <ComputerName>*</ComputerName>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "other.xml");
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, ue_merge_take_other, NULL);
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
  g_autoptr(UeAnswerDoc) base = load (text, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (HEAD
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
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, NULL, NULL);
  g_autofree char *out = dump (base);
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
  g_autoptr(UeAnswerDoc) base = load (base_text, "base.xml");
  g_autoptr(UeAnswerDoc) same = load (same_text, "same.xml");
  g_autoptr(UeAnswerDoc) changed = load (new_text, "changed.xml");
  g_autoptr(GPtrArray) none = ue_doc_merge_find_conflicts (base, same, NULL);
  g_autoptr(GPtrArray) conflicts = merge_checked (base, changed, ue_merge_take_other, NULL);
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

static void
test_fragment_base (void)
{
  g_autoptr(UeAnswerDoc) base = load ("<settings pass=\"windowsPE\">\n</settings>\n", "fragment.xml");
  g_autoptr(UeAnswerDoc) other = load (conflict_other, "other.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (base);
  g_autofree char *after = NULL;

  g_assert_false (ue_doc_merge (base, other, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_PATH);
  g_assert_true (g_str_has_prefix (error->message, "fragment.xml: error: "));
  after = dump (base);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (ue_answer_doc_can_undo (base));
}

static void
test_catalog_key (void)
{
  /* the catalog names the key: without it, Name would be guessed and the items would match */
  g_autoptr(UeCatalog) catalog = ue_catalog_new (UE_CATALOG_SOURCE_EMBEDDED);
  g_autoptr(UeComponentDef) comp = ue_component_def_new ("Contoso-Test", "amd64");
  g_autoptr(UeSettingDef) list = ue_setting_def_new ("Items", UE_SETTING_KIND_COMPLEX);
  g_autoptr(UeSettingDef) item = ue_setting_def_new ("Item", UE_SETTING_KIND_LIST);
  g_autoptr(UeAnswerDoc) base = load (HEAD
    "    <settings pass=\"specialize\">\n"
    "        " COMP ("Contoso-Test", "amd64")
    "            <Items>\n"
    "                <Item wcm:action=\"add\"><Name>x</Name><Port>1</Port></Item>\n"
    "            </Items>\n"
    "        </component>\n"
    "    </settings>\n" TAIL, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (HEAD
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
  g_assert_cmpuint (count_children (base, "specialize/Contoso-Test/Items", "Item"), ==, 2);
}

/* ---- servicing packages and ordered command lists (tests/data/merge/factory-*.xml) ---- */

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
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, take_other ? ue_merge_take_other : ue_merge_keep_base, NULL);
  g_autofree char *foundation = package_summary (base, FOUNDATION, NULL);
  g_autofree char *update_action = NULL;
  g_autofree char *update = package_summary (base, "Package_for_KB2533552", &update_action);
  g_autofree char *expected = g_strdup_printf ("IIS-WebServerRole=true;TelnetClient=%s;IIS-WebServer=true;TFTP=true;",
                                               take_other ? "true" : "false");
  g_autofree char *out = dump (base);
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
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, NULL, NULL);
  g_autofree char *out = dump (base);
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
  g_autoptr(UeAnswerDoc) base = load (action_base, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (action_other, "other.xml");
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, ue_merge_take_other, NULL);
  g_autofree char *out = dump (base);

  /* one language pack in both files, another in OTHER only: the language is part of the identity */
  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (conflicts, 0, "servicing/package[Microsoft-Windows-LanguagePack-Package]/@action",
                   "configure", "remove", TRUE);
  g_assert_cmpstr (((UeMergeConflict *) conflicts->pdata[0])->arch, ==, "x86");
  g_assert_cmpuint (count_packages (base), ==, 2);
  g_assert_null (strstr (out, "configure"));
  g_assert_nonnull (strstr (out, "language=\"de-DE\""));
}

static void
test_servicing_fragment_base (void)
{
  g_autoptr(UeAnswerDoc) base = load ("<settings pass=\"windowsPE\">\n</settings>\n", "fragment.xml");
  g_autoptr(UeAnswerDoc) other = load (action_other, "other.xml");
  g_autoptr(GError) error = NULL;

  g_assert_false (ue_doc_merge (base, other, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, UE_ANSWER_DOC_ERROR, UE_ANSWER_DOC_ERROR_PATH);
  g_assert_true (g_str_has_prefix (error->message, "fragment.xml: error: "));
  g_assert_false (ue_answer_doc_can_undo (base));
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
      g_autoptr(GPtrArray) conflicts = merge_checked_with (base, other, catalog, NULL, NULL);
      g_auto(GStrv) logon = commands_by_order (base, FIRST_LOGON, "CommandLine");
      g_auto(GStrv) sync = commands_by_order (base, RUN_SYNC, "Path");
      g_autofree char *out = dump (base);

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

static void
test_ordered_commands_conflict (void)
{
  g_autoptr(UeAnswerDoc) base = load (HEAD
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
  g_autoptr(UeAnswerDoc) other = load (HEAD
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
  g_autoptr(GPtrArray) conflicts = merge_checked (base, other, ue_merge_take_other, NULL);
  g_auto(GStrv) logon = commands_by_order (base, FIRST_LOGON, "CommandLine");
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *once = dump (base);
  g_autofree char *twice = NULL;

  /* matched by command, not by Order: the Description of one.cmd is the only conflict */
  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (conflicts, 0, FIRST_LOGON "/SynchronousCommand[Order=1]/Description", "first", "the first one", TRUE);
  g_assert_cmpuint (g_strv_length (logon), ==, 3);
  g_assert_cmpstr (logon[0], ==, "one.cmd");
  g_assert_cmpstr (logon[1], ==, "two.cmd");
  g_assert_cmpstr (logon[2], ==, "three.cmd");
  /* merging the same file again adds nothing */
  g_assert_true (ue_doc_merge (base, other, NULL, NULL, NULL, &again, NULL));
  g_assert_cmpuint (again->len, ==, 0);
  twice = dump (base);
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
  g_autoptr(UeAnswerDoc) base = load (base_text, "base.xml");
  g_autoptr(UeAnswerDoc) other = load (other_text, "other.xml");
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  g_autoptr(GPtrArray) conflicts = merge_checked_with (base, other, catalog, ue_merge_take_other, NULL);

  g_assert_cmpuint (conflicts->len, ==, 1);
  assert_conflict (conflicts, 0, "windowsPE/Microsoft-Windows-Setup/DiskConfiguration/Disk[DiskID=0]/CreatePartitions/CreatePartition[Order=1]/Size",
                   "100", "260", TRUE);
  g_assert_cmpuint (count_children (base, "windowsPE/Microsoft-Windows-Setup/DiskConfiguration/Disk[DiskID=0]/CreatePartitions",
                                    "CreatePartition"), ==, 1);
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
  g_test_add_func ("/core/merge/servicing-keep-base", test_servicing_keep_base);
  g_test_add_func ("/core/merge/servicing-take-other", test_servicing_take_other);
  g_test_add_func ("/core/merge/servicing-new-section", test_servicing_new_section);
  g_test_add_func ("/core/merge/servicing-action", test_servicing_action);
  g_test_add_func ("/core/merge/servicing-fragment-base", test_servicing_fragment_base);
  g_test_add_func ("/core/merge/ordered-commands", test_ordered_commands);
  g_test_add_func ("/core/merge/ordered-commands-conflict", test_ordered_commands_conflict);
  g_test_add_func ("/core/merge/partitions-by-order", test_partitions_by_order);
  return g_test_run ();
}
