/* test-setting-path.c — parsing and printing setting paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/setting-path.h"

static void
test_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeSettingPath) path = ue_setting_path_parse ("specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin", TRUE, &error);
  g_autofree char *back = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (path->pass, ==, "specialize");
  g_assert_cmpstr (path->component, ==, "Microsoft-Windows-IE-ESC");
  g_assert_cmpuint (path->segments->len, ==, 1);
  g_assert_cmpstr (((UePathSegment *) path->segments->pdata[0])->name, ==, "IEHardenAdmin");
  back = ue_setting_path_to_string (path);
  g_assert_cmpstr (back, ==, "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin");
}

static void
test_keys (void)
{
  static const struct { const char *text; guint seg; const char *name, *key, *value; } cases[] = {
    { "oobeSystem/Microsoft-Windows-Shell-Setup/UserAccounts/LocalAccounts/LocalAccount[Name=admin2]/Group",
      2, "LocalAccount", "Name", "admin2" },
    { "oobeSystem/Microsoft-Windows-Shell-Setup/FirstLogonCommands/SynchronousCommand[Order=1]/CommandLine",
      1, "SynchronousCommand", "Order", "1" },
    { "windowsPE/Microsoft-Windows-PnpCustomizationsWinPE/DriverPaths/PathAndCredentials[@keyValue=1]/Path",
      1, "PathAndCredentials", "@keyValue", "1" },
    { "specialize/X/Items/Item[Key=C:/a\\]b\\\\c]/Value", 1, "Item", "Key", "C:/a]b\\c" },
    { "specialize/X/Items/Item[Key=]", 1, "Item", "Key", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UeSettingPath) path = ue_setting_path_parse (cases[i].text, TRUE, &error);
      g_autofree char *back = NULL;
      UePathSegment *seg;

      g_assert_no_error (error);
      seg = path->segments->pdata[cases[i].seg];
      g_assert_cmpstr (seg->name, ==, cases[i].name);
      g_assert_cmpstr (seg->key, ==, cases[i].key);
      g_assert_cmpstr (seg->key_value, ==, cases[i].value);
      back = ue_setting_path_to_string (path);
      g_assert_cmpstr (back, ==, cases[i].text);
    }
}

static void
test_errors (void)
{
  static const char *bad[] = {
    "", "specialize//IEHardenAdmin", "specialize/C/A[Name=x", "specialize/C/A[=x]",
    "specialize/C/A[Name=x]y", "specialize/C[Name=x]/A", "specialize/C/A/", "specialize/C/A B",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UeSettingPath) path = ue_setting_path_parse (bad[i], TRUE, &error);
      g_assert_null (path);
      g_assert_error (error, UE_SETTING_PATH_ERROR, UE_SETTING_PATH_ERROR_SYNTAX);
    }
}

static void
test_unknown_pass (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeSettingPath) path = ue_setting_path_parse ("specialise/C/A", TRUE, &error);
  g_autoptr(UeSettingPath) lax = NULL;

  g_assert_null (path);
  g_assert_error (error, UE_SETTING_PATH_ERROR, UE_SETTING_PATH_ERROR_PASS);
  lax = ue_setting_path_parse ("specialise/C/A", FALSE, NULL);
  g_assert_nonnull (lax);
  g_assert_cmpstr (lax->pass, ==, "specialise");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/setting-path/plain", test_plain);
  g_test_add_func ("/core/setting-path/keys", test_keys);
  g_test_add_func ("/core/setting-path/errors", test_errors);
  g_test_add_func ("/core/setting-path/unknown-pass", test_unknown_pass);
  return g_test_run ();
}
