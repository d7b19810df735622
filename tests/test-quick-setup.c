/* test-quick-setup.c — the Quick Setup model: apply, read back, summary, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "doc-test-util.h"
#include "core/quick-setup.h"
#include "core/template-list.h"
#include "core/validator.h"

static char *
value_at (UeAnswerDoc *doc,
          const char  *path)
{
  UeNode *node = ue_answer_doc_lookup (doc, path, NULL, NULL);
  return node ? ue_node_dup_text (node) : NULL;
}

#define assert_value(doc, path, expected) \
  G_STMT_START { \
    g_autofree char *v_ = value_at (doc, path); \
    g_assert_cmpstr (v_, ==, expected); \
  } G_STMT_END

/* every page of the assistant filled in */
static UeQuickSetup *
filled (void)
{
  UeQuickSetup *qs = ue_quick_setup_new ();

  qs->computer_name = g_strdup ("*");
  qs->organization = g_strdup ("Contoso & Partners");
  qs->owner = g_strdup ("IT");
  qs->time_zone = g_strdup ("W. Europe Standard Time");
  qs->input_locale = g_strdup ("de-DE");
  qs->system_locale = g_strdup ("de-DE");
  qs->ui_language = g_strdup ("en-US");
  qs->user_locale = g_strdup ("de-CH");
  qs->admin_password = g_strdup ("Adm1n-Secret");
  qs->second_admin_name = g_strdup ("admin2");
  qs->second_admin_password = g_strdup ("Second-Secret");
  g_ptr_array_add (qs->first_logon_commands, g_strdup ("cmd /c C:\\setup\\one.cmd"));
  g_ptr_array_add (qs->first_logon_commands, g_strdup ("cscript //nologo C:\\setup\\two.vbs"));
  qs->no_initial_configuration_tasks = TRUE;
  qs->no_server_manager = TRUE;
  qs->ie_esc_off_admins = TRUE;
  qs->ie_esc_off_users = TRUE;
  qs->protect_your_pc = 3;
  qs->network_location = g_strdup ("Work");
  qs->color_depth = 32;
  qs->horizontal_resolution = 1280;
  qs->vertical_resolution = 1024;
  qs->refresh_rate = 60;
  qs->skip_eula = TRUE;
  return qs;
}

static void
assert_same_options (const UeQuickSetup *a,
                     const UeQuickSetup *b)
{
  g_assert_cmpstr (a->computer_name, ==, b->computer_name);
  g_assert_cmpstr (a->organization, ==, b->organization);
  g_assert_cmpstr (a->owner, ==, b->owner);
  g_assert_cmpstr (a->time_zone, ==, b->time_zone);
  g_assert_cmpstr (a->input_locale, ==, b->input_locale);
  g_assert_cmpstr (a->system_locale, ==, b->system_locale);
  g_assert_cmpstr (a->ui_language, ==, b->ui_language);
  g_assert_cmpstr (a->user_locale, ==, b->user_locale);
  g_assert_cmpstr (a->admin_password, ==, b->admin_password);
  g_assert_cmpstr (a->second_admin_name, ==, b->second_admin_name);
  g_assert_cmpstr (a->second_admin_password, ==, b->second_admin_password);
  g_assert_cmpuint (a->first_logon_commands->len, ==, b->first_logon_commands->len);
  for (guint i = 0; i < a->first_logon_commands->len; i++)
    g_assert_cmpstr (a->first_logon_commands->pdata[i], ==, b->first_logon_commands->pdata[i]);
  g_assert_cmpint (a->no_initial_configuration_tasks, ==, b->no_initial_configuration_tasks);
  g_assert_cmpint (a->no_server_manager, ==, b->no_server_manager);
  g_assert_cmpint (a->ie_esc_off_admins, ==, b->ie_esc_off_admins);
  g_assert_cmpint (a->ie_esc_off_users, ==, b->ie_esc_off_users);
  g_assert_cmpuint (a->protect_your_pc, ==, b->protect_your_pc);
  g_assert_cmpstr (a->network_location, ==, b->network_location);
  g_assert_cmpuint (a->color_depth, ==, b->color_depth);
  g_assert_cmpuint (a->horizontal_resolution, ==, b->horizontal_resolution);
  g_assert_cmpuint (a->vertical_resolution, ==, b->vertical_resolution);
  g_assert_cmpuint (a->refresh_rate, ==, b->refresh_rate);
  g_assert_cmpint (a->skip_eula, ==, b->skip_eula);
}

static void
test_apply_empty (void)
{
  g_autoptr(UeQuickSetup) qs = filled ();
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();
  g_autofree char *empty = ue_test_doc_dump (doc);
  g_autofree char *expected_path = g_build_filename (g_getenv ("UE_TEST_DATA"), "quick-setup", "all-options.xml", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GError) error = NULL;

  ue_quick_setup_apply (qs, doc);
  out = ue_test_doc_dump (doc);
  /* what the assistant writes is valid on the embedded catalog */
  {
    g_autoptr(UeValidator) validator = ue_validator_new (NULL);
    g_assert_cmpuint (ue_validator_run (validator, doc), ==, 0);
    g_assert_cmpuint (ue_validator_get_n_warnings (validator), ==, 0);
  }
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);

  /* one undo step takes it all back */
  g_assert_true (ue_answer_doc_undo (doc));
  g_assert_false (ue_answer_doc_can_undo (doc));
  undone = ue_test_doc_dump (doc);
  g_assert_cmpstr (undone, ==, empty);
}

static void
test_read_back (void)
{
  g_autoptr(UeQuickSetup) qs = filled ();
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();
  g_autoptr(UeQuickSetup) read = NULL;
  g_autoptr(UeQuickSetup) hidden = NULL;
  g_autoptr(UeQuickSetup) nothing = NULL;
  g_autoptr(UeQuickSetup) empty = ue_quick_setup_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  nothing = ue_quick_setup_read (doc);
  assert_same_options (nothing, empty);

  ue_quick_setup_apply (qs, doc);
  read = ue_quick_setup_read (doc);
  assert_same_options (read, qs);

  /* hidden passwords read back in clear */
  g_assert_cmpuint (ue_answer_doc_hide_passwords (doc), ==, 2);
  hidden = ue_quick_setup_read (doc);
  assert_same_options (hidden, qs);

  /* applying what was read changes nothing: no undo step, same bytes (hidden passwords
   * stay hidden) */
  before = ue_test_doc_dump (doc);
  ue_quick_setup_apply (hidden, doc);
  after = ue_test_doc_dump (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (ue_answer_doc_get_undo_label (doc), ==, "Hide Sensitive Data");
  g_assert_true (ue_answer_doc_undo (doc));
  g_assert_true (ue_answer_doc_undo (doc));
  g_assert_false (ue_answer_doc_can_undo (doc));
}

static const char *existing =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
  "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\">\r\n"
  "    <settings pass=\"specialize\">\r\n"
  "        <!-- the site's component -->\r\n"
  "        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\r\n"
  "            <ComputerName>OLD</ComputerName>\r\n"
  "        </component>\r\n"
  "    </settings>\r\n"
  "    <settings pass=\"oobeSystem\">\r\n"
  "        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\r\n"
  "            <TimeZone>UTC</TimeZone>\r\n"
  "            <UserAccounts>\r\n"
  "                <LocalAccounts>\r\n"
  "                    <LocalAccount wcm:action=\"add\">\r\n"
  "                        <Name>helpdesk</Name>\r\n"
  "                        <Group>Users</Group>\r\n"
  "                    </LocalAccount>\r\n"
  "                    <LocalAccount wcm:action=\"add\">\r\n"
  "                        <Name>olduser</Name>\r\n"
  "                        <Description>kept</Description>\r\n"
  "                        <Group>Administrators;Users</Group>\r\n"
  "                    </LocalAccount>\r\n"
  "                </LocalAccounts>\r\n"
  "            </UserAccounts>\r\n"
  "            <FirstLogonCommands>\r\n"
  "                <SynchronousCommand wcm:action=\"add\">\r\n"
  "                    <CommandLine>b.cmd</CommandLine>\r\n"
  "                    <Order>2</Order>\r\n"
  "                </SynchronousCommand>\r\n"
  "                <SynchronousCommand wcm:action=\"add\">\r\n"
  "                    <CommandLine>a.cmd</CommandLine>\r\n"
  "                    <Order>1</Order>\r\n"
  "                </SynchronousCommand>\r\n"
  "                <SynchronousCommand wcm:action=\"add\">\r\n"
  "                    <CommandLine>c.cmd</CommandLine>\r\n"
  "                    <Order>3</Order>\r\n"
  "                </SynchronousCommand>\r\n"
  "            </FirstLogonCommands>\r\n"
  "            <OOBE>\r\n"
  "                <HideEULAPage>false</HideEULAPage>\r\n"
  "            </OOBE>\r\n"
  "        </component>\r\n"
  "    </settings>\r\n"
  "</unattend>\r\n";

static guint
count_components (UeAnswerDoc *doc,
                  const char  *pass,
                  const char  *name)
{
  guint n = 0;
  for (UeNode *c = ue_node_get_first_child (ue_answer_doc_find_pass (doc, pass)); c; c = ue_node_get_next (c))
    {
      g_autofree char *cname = ue_node_dup_attribute (c, "name");
      n += g_strcmp0 (cname, name) == 0;
    }
  return n;
}

static void
test_reuse_existing (void)
{
  g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (existing);
  g_autoptr(UeQuickSetup) qs = ue_quick_setup_read (doc);
  g_autoptr(UeQuickSetup) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *undone = NULL;

  /* what the document says, commands sorted by Order, the administrator found by group */
  g_assert_cmpstr (qs->computer_name, ==, "OLD");
  g_assert_cmpstr (qs->time_zone, ==, "UTC");
  g_assert_cmpstr (qs->second_admin_name, ==, "olduser");
  g_assert_null (qs->second_admin_password);
  g_assert_cmpuint (qs->first_logon_commands->len, ==, 3);
  g_assert_cmpstr (qs->first_logon_commands->pdata[0], ==, "a.cmd");
  g_assert_cmpstr (qs->first_logon_commands->pdata[2], ==, "c.cmd");
  /* an explicit false is not "skip EULA" */
  g_assert_false (qs->skip_eula);

  g_free (qs->computer_name);
  qs->computer_name = g_strdup ("*");
  g_free (qs->time_zone);
  qs->time_zone = g_strdup ("Pacific Standard Time");
  g_free (qs->second_admin_name);
  qs->second_admin_name = g_strdup ("admin2");
  qs->second_admin_password = g_strdup ("pw");
  g_ptr_array_remove_index (qs->first_logon_commands, 2);
  g_free (qs->first_logon_commands->pdata[1]);
  qs->first_logon_commands->pdata[1] = g_strdup ("b2.cmd");
  qs->no_server_manager = TRUE;
  ue_quick_setup_apply (qs, doc);
  out = ue_test_doc_dump (doc);

  /* the components already there are reused, whatever their architecture */
  g_assert_cmpuint (count_components (doc, "specialize", "Microsoft-Windows-Shell-Setup"), ==, 1);
  g_assert_cmpuint (count_components (doc, "oobeSystem", "Microsoft-Windows-Shell-Setup"), ==, 1);
  g_assert_nonnull (strstr (out, "        <!-- the site's component -->\r\n"));
  assert_value (doc, "specialize/Microsoft-Windows-Shell-Setup/ComputerName", "*");
  /* TimeZone stays in the pass it was in */
  assert_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/TimeZone", "Pacific Standard Time");
  g_assert_null (value_at (doc, "specialize/Microsoft-Windows-Shell-Setup/TimeZone"));
  /* the account is renamed, not replaced: its description stays */
  assert_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]/Description", "kept");
  assert_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]/Password/Value", "pw");
  assert_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=helpdesk]/Group", "Users");
  /* commands by Order: 2 changed, 3 removed */
  assert_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine", "a.cmd");
  assert_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=2]/CommandLine", "b2.cmd");
  g_assert_null (ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=3]", NULL, NULL));
  /* a new component goes into its pass with the document's layout */
  assert_value (doc, "specialize/Microsoft-Windows-ServerManager-SvrMgrNc/DoNotOpenServerManagerAtLogon", "true");
  /* an explicit false that skip_eula does not write is left alone */
  assert_value (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/OOBE/HideEULAPage", "false");
  for (const char *p = strchr (out, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  again = ue_quick_setup_read (doc);
  assert_same_options (again, qs);

  g_assert_true (ue_answer_doc_undo (doc));
  undone = ue_test_doc_dump (doc);
  g_assert_cmpstr (undone, ==, existing);
}

static void
test_clear (void)
{
  g_autoptr(UeQuickSetup) qs = filled ();
  g_autoptr(UeQuickSetup) cleared = ue_quick_setup_new ();
  g_autoptr(UeQuickSetup) read = NULL;
  g_autoptr(UeQuickSetup) empty = ue_quick_setup_new ();
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();

  ue_quick_setup_apply (qs, doc);
  /* an empty model removes every setting it wrote */
  ue_quick_setup_apply (cleared, doc);
  read = ue_quick_setup_read (doc);
  assert_same_options (read, empty);
  g_assert_null (ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands", NULL, NULL));
  g_assert_null (ue_answer_doc_lookup (doc, "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]", NULL, NULL));
}

static void
test_passwords_kept (void)
{
  static const char *docs[] = {
    /* a blank password is a password: it reads as "" and is written back as it is */
    "<Value></Value><PlainText>true</PlainText>",
    /* a hidden value that does not decode reads as NULL and is left alone */
    "<Value>not base64!</Value><PlainText>false</PlainText>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\"><settings pass=\"oobeSystem\">"
        "<component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd64\">"
        "<UserAccounts><AdministratorPassword>%s</AdministratorPassword></UserAccounts>"
        "</component></settings></unattend>", docs[i]);
      g_autoptr(UeAnswerDoc) doc = ue_test_doc_load (text);
      g_autoptr(UeQuickSetup) qs = ue_quick_setup_read (doc);
      g_autofree char *after = NULL;

      g_assert_cmpstr (qs->admin_password, ==, i == 0 ? "" : NULL);
      ue_quick_setup_apply (qs, doc);
      after = ue_test_doc_dump (doc);
      g_assert_cmpstr (after, ==, text);
      g_assert_false (ue_answer_doc_can_undo (doc));
    }
}

static void
test_summary (void)
{
  g_autoptr(UeQuickSetup) qs = filled ();
  g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new ();
  g_auto(GStrv) lines = ue_quick_setup_summary (qs, doc);
  g_autofree char *text = g_strjoinv ("\n", lines);
  g_autofree char *before = ue_test_doc_dump (doc);
  g_auto(GStrv) after_lines = NULL;
  g_autofree char *after = NULL;
  int specialize = -1, oobe = -1;

  /* a dry run: nothing written */
  g_assert_false (ue_answer_doc_can_undo (doc));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strcmp (lines[i], "specialize") == 0)
        specialize = i;
      else if (strcmp (lines[i], "oobeSystem") == 0)
        oobe = i;
      else
        g_assert_true (g_str_has_prefix (lines[i], "    Microsoft-Windows-"));
    }
  g_assert_cmpint (specialize, ==, 0);
  g_assert_cmpint (oobe, >, specialize);
  g_assert_true (g_strv_contains ((const char * const *) lines, "    Microsoft-Windows-Shell-Setup/ComputerName = *"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "    Microsoft-Windows-IE-ESC/IEHardenUser = false"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "    Microsoft-Windows-Shell-Setup/UserAccounts/AdministratorPassword = ********"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "    Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=2]/CommandLine = cscript //nologo C:\\setup\\two.vbs"));
  g_assert_null (strstr (text, "Secret"));

  /* after applying, the same options summarise the same way, and clearing one says so */
  ue_quick_setup_apply (qs, doc);
  g_clear_pointer (&qs->owner, g_free);
  after_lines = ue_quick_setup_summary (qs, doc);
  after = g_strjoinv ("\n", after_lines);
  g_assert_nonnull (strstr (after, "    Microsoft-Windows-Shell-Setup/RegisteredOwner: removed"));
  g_assert_null (strstr (before, "RegisteredOwner"));
}

static void
test_template_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeAnswerDoc) doc = ue_template_new_document ("server2008-sysprep", &error);
  g_autoptr(UeQuickSetup) qs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  before = ue_test_doc_dump (doc);
  qs = ue_quick_setup_read (doc);
  /* the seed's options are all in the Server 2008 template */
  g_assert_cmpstr (qs->computer_name, ==, "*");
  g_assert_nonnull (qs->organization);
  g_assert_nonnull (qs->owner);
  g_assert_nonnull (qs->time_zone);
  g_assert_nonnull (qs->input_locale);
  g_assert_nonnull (qs->system_locale);
  g_assert_nonnull (qs->ui_language);
  g_assert_nonnull (qs->user_locale);
  g_assert_nonnull (qs->admin_password);
  g_assert_nonnull (qs->second_admin_name);
  g_assert_nonnull (qs->second_admin_password);
  g_assert_cmpuint (qs->first_logon_commands->len, >=, 1);
  g_assert_true (qs->no_initial_configuration_tasks);
  g_assert_true (qs->no_server_manager);
  g_assert_true (qs->ie_esc_off_admins);
  g_assert_true (qs->ie_esc_off_users);
  g_assert_cmpuint (qs->protect_your_pc, ==, 3);
  g_assert_nonnull (qs->network_location);
  g_assert_cmpuint (qs->color_depth, >, 0);
  g_assert_cmpuint (qs->horizontal_resolution, >, 0);
  g_assert_cmpuint (qs->vertical_resolution, >, 0);
  g_assert_cmpuint (qs->refresh_rate, >, 0);
  g_assert_true (qs->skip_eula);

  ue_quick_setup_apply (qs, doc);
  after = ue_test_doc_dump (doc);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (ue_answer_doc_can_undo (doc));
}

static void
test_facts (void)
{
  g_auto(GStrv) zones = ue_quick_setup_list_time_zones ();
  g_auto(GStrv) locales = ue_quick_setup_list_locales ();
  guint n_zones = g_strv_length (zones), n_locales = g_strv_length (locales);
  gboolean pacific = FALSE, europe = FALSE, us = FALSE, de = FALSE;

  g_assert_cmpuint (n_zones % 2, ==, 0);
  g_assert_cmpuint (n_zones / 2, >=, 130);
  for (guint i = 0; i < n_zones; i += 2)
    {
      pacific |= strcmp (zones[i], "Pacific Standard Time") == 0 && strcmp (zones[i + 1], "UTC-08:00") == 0;
      europe |= strcmp (zones[i], "W. Europe Standard Time") == 0 && strcmp (zones[i + 1], "UTC+01:00") == 0;
      g_assert_true (g_str_has_prefix (zones[i + 1], "UTC+") || g_str_has_prefix (zones[i + 1], "UTC-"));
    }
  g_assert_true (pacific && europe);
  g_assert_cmpuint (n_locales % 2, ==, 0);
  for (guint i = 0; i < n_locales; i += 2)
    {
      us |= strcmp (locales[i], "en-US") == 0 && strcmp (locales[i + 1], "English (United States)") == 0;
      de |= strcmp (locales[i], "de-DE") == 0;
      g_assert_null (strchr (locales[i], ' '));
    }
  g_assert_true (us && de);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/quick-setup/apply-empty", test_apply_empty);
  g_test_add_func ("/core/quick-setup/read-back", test_read_back);
  g_test_add_func ("/core/quick-setup/reuse-existing", test_reuse_existing);
  g_test_add_func ("/core/quick-setup/clear", test_clear);
  g_test_add_func ("/core/quick-setup/passwords-kept", test_passwords_kept);
  g_test_add_func ("/core/quick-setup/summary", test_summary);
  g_test_add_func ("/core/quick-setup/template-idempotent", test_template_idempotent);
  g_test_add_func ("/core/quick-setup/facts", test_facts);
  return g_test_run ();
}
