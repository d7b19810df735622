/* test-catalog.c — the catalog model: defs, lookup, case-insensitive names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "core/catalog.h"

static UeComponentDef *
make_shell_setup (const char *arch)
{
  UeComponentDef *comp = ue_component_def_new ("Microsoft-Windows-Shell-Setup", arch);
  g_autoptr(UeSettingDef) accounts = ue_setting_def_new ("UserAccounts", UE_SETTING_KIND_COMPLEX);
  g_autoptr(UeSettingDef) locals = ue_setting_def_new ("LocalAccounts", UE_SETTING_KIND_COMPLEX);
  g_autoptr(UeSettingDef) local = ue_setting_def_new ("LocalAccount", UE_SETTING_KIND_LIST);
  g_autoptr(UeSettingDef) name = ue_setting_def_new ("Name", UE_SETTING_KIND_SIMPLE);
  g_autoptr(UeSettingDef) admin = ue_setting_def_new ("AdministratorPassword", UE_SETTING_KIND_COMPLEX);
  g_autoptr(UeSettingDef) value = ue_setting_def_new ("Value", UE_SETTING_KIND_SIMPLE);

  local->key = g_strdup ("Name");
  ue_setting_def_add_child (local, name);
  ue_setting_def_add_child (locals, local);
  ue_setting_def_add_child (admin, value);
  /* added after its children: paths must follow */
  ue_setting_def_add_child (accounts, locals);
  ue_setting_def_add_child (accounts, admin);
  ue_component_def_add_setting (comp, accounts);
  return comp;
}

static void
test_paths (void)
{
  g_autoptr(UeComponentDef) comp = make_shell_setup ("amd64");
  UeSettingDef *def;

  def = ue_component_def_lookup (comp, "UserAccounts/LocalAccounts/LocalAccount/Name");
  g_assert_nonnull (def);
  g_assert_cmpstr (def->path, ==, "UserAccounts/LocalAccounts/LocalAccount/Name");
  g_assert_cmpstr (def->parent->name, ==, "LocalAccount");

  def = ue_component_def_lookup (comp, "UserAccounts/LocalAccounts/LocalAccount[Name=a/b]/Name");
  g_assert_nonnull (def);
  g_assert_cmpstr (def->name, ==, "Name");

  g_assert_null (ue_component_def_lookup (comp, "UserAccounts/Name"));
  g_assert_null (ue_component_def_lookup (comp, "UserAccount"));
  g_assert_null (ue_component_def_lookup (comp, ""));

  def = ue_component_def_lookup (comp, "UserAccounts/AdministratorPassword");
  g_assert_true (ue_setting_def_is_password (def));
  g_assert_false (ue_setting_def_is_password (ue_component_def_lookup (comp, "UserAccounts")));
}

static void
test_find_component (void)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_new (UE_CATALOG_SOURCE_EMBEDDED);
  g_autoptr(UeComponentDef) x86 = make_shell_setup ("x86");
  g_autoptr(UeComponentDef) amd64 = make_shell_setup ("amd64");
  g_autoptr(UeComponentDef) again = make_shell_setup ("amd64");
  g_autoptr(UeComponentDef) pnp = ue_component_def_new ("Microsoft-Windows-PnpSysprep", "x86");
  GPtrArray *all;

  ue_catalog_add_component (catalog, pnp);
  ue_catalog_add_component (catalog, x86);
  ue_catalog_add_component (catalog, amd64);
  ue_catalog_add_component (catalog, again);   /* replaces, does not add */

  all = ue_catalog_get_components (catalog);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_true (g_ptr_array_index (all, 0) == pnp);
  g_assert_true (g_ptr_array_index (all, 1) == again);

  g_assert_true (ue_catalog_find_component (catalog, "microsoft-windows-shell-setup", NULL) == again);
  g_assert_true (ue_catalog_find_component (catalog, "Microsoft-Windows-Shell-Setup", "x86") == x86);
  g_assert_true (ue_catalog_find_component (catalog, "Microsoft-Windows-PnPSysprep", NULL) == pnp);
  g_assert_null (ue_catalog_find_component (catalog, "Microsoft-Windows-PnPSysprep", "amd64"));
  g_assert_null (ue_catalog_find_component (catalog, "Microsoft-Windows-Nothing", NULL));
}

static void
test_display_name (void)
{
  g_autoptr(UeComponentDef) comp = ue_component_def_new ("Microsoft-Windows-IE-ESC", "amd64");
  g_autofree char *text = NULL;

  comp->version = g_strdup ("6.0.6001.18000");
  comp->language = g_strdup ("neutral");
  text = ue_component_def_dup_display_name (comp);
  g_assert_cmpstr (text, ==, "amd64_Microsoft-Windows-IE-ESC_6.0.6001.18000_neutral");
}

static void
test_passes (void)
{
  g_autofree char *text = NULL;
  UePassFlags flags = ue_pass_flags_parse ("oobeSystem specialize bogus");

  g_assert_cmpint (flags, ==, UE_PASS_SPECIALIZE | UE_PASS_OOBE_SYSTEM);
  text = ue_pass_flags_to_string (flags);
  g_assert_cmpstr (text, ==, "specialize oobeSystem");
  g_assert_cmpuint (ue_pass_number_from_name ("specialize"), ==, 4);
  g_assert_cmpuint (ue_pass_number_from_name ("oobeUser"), ==, 0);
  g_assert_cmpstr (ue_pass_name (1), ==, "windowsPE");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/catalog/paths", test_paths);
  g_test_add_func ("/core/catalog/find-component", test_find_component);
  g_test_add_func ("/core/catalog/display-name", test_display_name);
  g_test_add_func ("/core/catalog/passes", test_passes);
  return g_test_run ();
}
