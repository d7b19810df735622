/* test-default-catalog.c — the embedded default catalog against the facts it was made from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The facts table (../shared/catalog-facts.tsv) is read at run time when UE_SHARED_DIR
 * has it; every row must be in the loaded catalog with the same kind, type, passes,
 * values, range, default, key and versions, in every architecture of its component.
 * data/catalog/additions.tsv (ours, always present) is checked the same way.
 */
#define G_LOG_DOMAIN "ue-test"

#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"

#define CATALOG_RESOURCE_DIR "/org/unattendeditor/core/catalog/"

/* A tab-separated table with a header line; '#' lines are comments. */
typedef struct
{
  GStrv      header;
  GPtrArray *rows;     /* GStrv, as many cells as the header */
} Table;

static void
table_free (Table *table)
{
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

static Table *
table_load (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  Table *table;
  guint width;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  table = g_new0 (Table, 1);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GStrv cells;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      if (table->header == NULL)
        {
          table->header = cells;
          continue;
        }
      width = g_strv_length (table->header);
      g_assert_cmpuint (g_strv_length (cells), <=, width);
      if (g_strv_length (cells) < width)
        {
          guint n = g_strv_length (cells);
          cells = g_renew (char *, cells, width + 1);
          for (; n < width; n++)
            cells[n] = g_strdup ("");
          cells[width] = NULL;
        }
      g_ptr_array_add (table->rows, cells);
    }
  g_assert_nonnull (table->header);
  return table;
}

static const char *
cell (const Table *table,
      GStrv        row,
      const char  *column)
{
  for (guint i = 0; table->header[i] != NULL; i++)
    if (strcmp (table->header[i], column) == 0)
      return row[i];
  g_error ("no column %s", column);
}

static Table *
load_facts (void)
{
  const char *shared = g_getenv ("UE_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL)
    return NULL;
  path = g_build_filename (shared, "catalog-facts.tsv", NULL);
  return table_load (path);
}

static Table *
load_additions (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("UE_TEST_DATA"), "..", "..", "data",
                                            "catalog", "additions.tsv", NULL);
  Table *table = table_load (path);

  g_assert_nonnull (table);
  return table;
}

/* all architectures of one component, found case-insensitively */
static GPtrArray *
component_archs (UeCatalog  *catalog,
                 const char *name)
{
  GPtrArray *components = ue_catalog_get_components (catalog);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < components->len; i++)
    {
      UeComponentDef *def = g_ptr_array_index (components, i);
      if (g_ascii_strcasecmp (def->name, name) == 0)
        g_ptr_array_add (found, def);
    }
  return found;
}

static gboolean
has_arch (UeCatalog  *catalog,
          const char *name,
          const char *arch)
{
  UeComponentDef *def = ue_catalog_find_component (catalog, name, arch);
  return def != NULL && g_strcmp0 (def->arch, arch) == 0;
}

static char *
pipes_to_spaces (const char *text)
{
  return g_strdelimit (g_strdup (text), "|", ' ');
}

/* Compares one table row (facts or additions columns) with the def; returns what
 * differs, or NULL. */
static const char *
row_mismatch (const Table  *table,
              GStrv         row,
              UeSettingDef *def,
              gboolean      passes_widened)
{
  const char *type = cell (table, row, "type");
  const char *values = cell (table, row, "values");
  const char *min = cell (table, row, "min");
  const char *max = cell (table, row, "max");
  const char *dflt = cell (table, row, "default");
  const char *key = cell (table, row, "key");
  UePassFlags passes = ue_pass_flags_parse (cell (table, row, "passes"));
  g_autofree char *applies = pipes_to_spaces (cell (table, row, "appliesto"));
  g_auto(GStrv) expected = *values ? g_strsplit (values, "|", -1) : NULL;

  if (g_strcmp0 (def->path, cell (table, row, "path")) != 0)
    return "path";
  if (g_strcmp0 (ue_setting_kind_to_string (def->kind), cell (table, row, "kind")) != 0)
    return "kind";
  if (g_strcmp0 (ue_value_type_to_string (def->value_type), *type ? type : "none") != 0)
    return "value type";
  if (passes_widened ? (def->passes & passes) != passes : def->passes != passes)
    return "passes";
  if ((expected == NULL) != (def->enum_values == NULL) ||
      (expected != NULL && !g_strv_equal ((const char * const *) def->enum_values,
                                          (const char * const *) expected)))
    return "enum values";
  /* integers without a stated range keep the xsd:int bounds, so only stated bounds count */
  if (*min && (!def->has_min || def->min != g_ascii_strtoll (min, NULL, 10)))
    return "minimum";
  if (*max && (!def->has_max || def->max != g_ascii_strtoll (max, NULL, 10)))
    return "maximum";
  if (*dflt == '\0' ? def->default_value != NULL
      : def->default_value == NULL ||
        (def->value_type == UE_VALUE_TYPE_BOOLEAN ? g_ascii_strcasecmp (def->default_value, dflt) != 0
                                                  : strcmp (def->default_value, dflt) != 0))
    return "default";
  if (g_strcmp0 (def->key, *key ? key : NULL) != 0)
    return "key";
  if (g_strcmp0 (def->applies_to, *applies ? applies : NULL) != 0)
    return "versions (appliesto)";
  return NULL;
}

static void
check_row (const Table    *table,
           GStrv           row,
           UeComponentDef *comp,
           UeSettingDef   *def,
           gboolean        passes_widened)
{
  const char *what;

  if (def == NULL)
    g_error ("%s %s: not in the %s catalog", comp->name, cell (table, row, "path"), comp->arch);
  what = row_mismatch (table, row, def, passes_widened);
  if (what != NULL)
    g_error ("%s %s (%s): %s differ", comp->name, cell (table, row, "path"), comp->arch, what);
}

static GHashTable *
amended_rows (void)
{
  g_autoptr(Table) additions = load_additions ();
  GHashTable *amended = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < additions->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (additions->rows, i);
      g_autofree char *lower = g_ascii_strdown (cell (additions, row, "component"), -1);

      if (strcmp (cell (additions, row, "kind"), "amend") == 0)
        g_hash_table_add (amended, g_strdup_printf ("%s\t%s", lower, cell (additions, row, "path")));
    }
  return amended;
}

/* one case per value type ("none" = containers): each row of that type, every arch */
static void
test_facts (gconstpointer data)
{
  const char *value_type = data;
  g_autoptr(Table) facts = load_facts ();
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  g_autoptr(GHashTable) amended = NULL;
  guint checked = 0;

  if (facts == NULL)
    {
      g_test_skip ("catalog-facts.tsv not found in UE_SHARED_DIR: facts not compared");
      return;
    }
  amended = amended_rows ();
  for (guint i = 0; i < facts->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (facts->rows, i);
      const char *component = cell (facts, row, "component");
      const char *path = cell (facts, row, "path");
      const char *type = cell (facts, row, "type");
      g_autoptr(GPtrArray) archs = NULL;
      g_autofree char *lower = NULL;
      g_autofree char *amend_key = NULL;

      if (strcmp (*type ? type : "none", value_type) != 0)
        continue;
      archs = component_archs (catalog, component);
      g_assert_cmpuint (archs->len, >=, 3);
      lower = g_ascii_strdown (component, -1);
      amend_key = g_strdup_printf ("%s\t%s", lower, path);
      for (guint a = 0; a < archs->len; a++)
        {
          UeComponentDef *comp = g_ptr_array_index (archs, a);
          UeSettingDef *def = ue_component_def_lookup (comp, path);

          if (*cell (facts, row, "passes") == '\0')
            {
              /* no pass can set it: counted, kept out of the tree */
              g_assert_null (def);
              g_assert_cmpuint (comp->n_hidden, >, 0);
              continue;
            }
          check_row (facts, row, comp, def, g_hash_table_contains (amended, amend_key));
        }
      checked++;
    }
  g_test_message ("%u rows of type %s checked", checked, value_type);
  g_assert_cmpuint (checked, >, 0);
}

/* the catalog holds exactly the components of the facts and the additions */
static void
test_components (void)
{
  g_autoptr(Table) facts = load_facts ();
  g_autoptr(Table) additions = load_additions ();
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *components = ue_catalog_get_components (catalog);
  GHashTableIter iter;
  const char *name;

  if (facts == NULL)
    {
      g_test_skip ("catalog-facts.tsv not found in UE_SHARED_DIR: components not compared");
      return;
    }
  for (guint i = 0; i < facts->rows->len; i++)
    g_hash_table_add (names, g_ascii_strdown (cell (facts, g_ptr_array_index (facts->rows, i),
                                                    "component"), -1));
  for (guint i = 0; i < additions->rows->len; i++)
    g_hash_table_add (names, g_ascii_strdown (cell (additions, g_ptr_array_index (additions->rows, i),
                                                    "component"), -1));
  for (guint i = 0; i < components->len; i++)
    {
      UeComponentDef *def = g_ptr_array_index (components, i);
      g_autofree char *lower = g_ascii_strdown (def->name, -1);
      g_assert_true (g_hash_table_contains (names, lower));
    }
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    g_assert_nonnull (ue_catalog_find_component (catalog, name, NULL));
  g_test_message ("%u components, %u component defs", g_hash_table_size (names), components->len);
}

static gpointer
get_default_thread (gpointer data)
{
  return ue_catalog_get_default ();
}

/* loaded once, from every embedded manifest, whichever thread asks first */
static void
test_loaded (void)
{
  GThread *threads[4];
  UeCatalog *seen[G_N_ELEMENTS (threads)];
  g_autoptr(UeCatalog) catalog = NULL;
  g_auto(GStrv) names = NULL;
  const UeCatalogSource *source;
  guint manifests = 0;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("get-default", get_default_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    seen[i] = g_thread_join (threads[i]);
  catalog = ue_catalog_get_default ();
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_assert_true (seen[i] == catalog);
      g_object_unref (seen[i]);
    }

  names = g_resources_enumerate_children (CATALOG_RESOURCE_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (names);
  for (guint i = 0; names[i] != NULL; i++)
    manifests += g_str_has_suffix (names[i], ".manifest");
  source = ue_catalog_get_source (catalog);
  g_assert_cmpint (source->kind, ==, UE_CATALOG_SOURCE_EMBEDDED);
  g_assert_null (source->path);
  g_assert_cmpuint (manifests, >, 0);
  g_assert_cmpuint (source->manifests, ==, manifests);
  g_assert_cmpuint (source->failed, ==, 0);
  g_assert_cmpuint (ue_catalog_get_components (catalog)->len, >=, 3 * manifests);
}

static void
test_case_insensitive (void)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  UeComponentDef *pnp = ue_catalog_find_component (catalog, "Microsoft-Windows-PnPSysprep", "x86");
  UeComponentDef *sqm = ue_catalog_find_component (catalog, "Microsoft-Windows-SQMApi", NULL);
  UeComponentDef *shell = ue_catalog_find_component (catalog, "MICROSOFT-WINDOWS-SHELL-SETUP", "wow64");
  g_autoptr(GPtrArray) pnp_archs = component_archs (catalog, "microsoft-windows-pnpsysprep");
  g_autoptr(GPtrArray) same = component_archs (catalog, "Microsoft-Windows-PnpSysprep");

  g_assert_nonnull (pnp);
  g_assert_cmpstr (pnp->name, ==, "Microsoft-Windows-PnpSysprep");
  g_assert_nonnull (ue_component_def_lookup (pnp, "PersistAllDeviceInstalls"));
  g_assert_nonnull (sqm);
  g_assert_cmpstr (sqm->arch, ==, "amd64");
  g_assert_nonnull (shell);
  g_assert_cmpstr (shell->name, ==, "Microsoft-Windows-Shell-Setup");
  /* one component, not one per spelling */
  g_assert_cmpuint (pnp_archs->len, ==, same->len);
  g_assert_cmpuint (pnp_archs->len, ==, 4);
}

static void
test_architectures (void)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  static const char * const winpe_only[] = {
    "Microsoft-Windows-Setup", "Microsoft-Windows-International-Core-WinPE",
    "Microsoft-Windows-PnpCustomizationsWinPE",
  };
  GPtrArray *components = ue_catalog_get_components (catalog);
  UeComponentDef *amd64, *x86;
  g_autofree char *display = NULL;

  for (guint i = 0; i < components->len; i++)
    {
      UeComponentDef *def = g_ptr_array_index (components, i);
      g_assert_true (has_arch (catalog, def->name, "amd64"));
      g_assert_true (has_arch (catalog, def->name, "x86"));
      g_assert_cmpstr (def->public_key_token, ==, "31bf3856ad364e35");
      g_assert_cmpstr (def->language, ==, "neutral");
      g_assert_nonnull (def->version);
    }
  for (guint i = 0; i < G_N_ELEMENTS (winpe_only); i++)
    {
      g_assert_true (has_arch (catalog, winpe_only[i], "arm64"));
      g_assert_false (has_arch (catalog, winpe_only[i], "wow64"));
    }
  g_assert_true (has_arch (catalog, "Microsoft-Windows-Shell-Setup", "wow64"));
  g_assert_true (has_arch (catalog, "Microsoft-Windows-International-Core", "wow64"));
  g_assert_true (has_arch (catalog, "Microsoft-Windows-IE-ESC", "arm64"));
  /* Vista-era components predate arm64 */
  g_assert_true (has_arch (catalog, "Microsoft-Windows-Security-Licensing-SLC", "wow64"));
  g_assert_false (has_arch (catalog, "Microsoft-Windows-Security-Licensing-SLC", "arm64"));

  /* the architectures share the immutable setting defs */
  amd64 = ue_catalog_find_component (catalog, "Microsoft-Windows-Shell-Setup", "amd64");
  x86 = ue_catalog_find_component (catalog, "Microsoft-Windows-Shell-Setup", "x86");
  g_assert_true (amd64 != x86);
  g_assert_cmpuint (amd64->settings->len, ==, x86->settings->len);
  for (guint i = 0; i < amd64->settings->len; i++)
    g_assert_true (g_ptr_array_index (amd64->settings, i) == g_ptr_array_index (x86->settings, i));
  g_assert_cmpstr (amd64->description, ==, x86->description);

  display = ue_component_def_dup_display_name (ue_catalog_find_component (catalog, "Microsoft-Windows-IE-ESC",
                                                                          "x86"));
  g_assert_cmpstr (display, ==, "x86_Microsoft-Windows-IE-ESC_10.0.17763.1_neutral");
}

static void
test_additions (void)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  g_autoptr(Table) additions = load_additions ();
  /* FORMATS.md §5: older settings the facts lack, with a version they were met in */
  static const struct { const char *component, *path, *version; } older[] = {
    { "Microsoft-Windows-Shell-Setup", "OOBE/SkipMachineOOBE", "Win7" },
    { "Microsoft-Windows-Shell-Setup", "OOBE/SkipUserOOBE", "Vista" },
    { "Microsoft-Windows-Shell-Setup", "ShowWindowsLive", "Win7" },
    { "Microsoft-Windows-Shell-Setup", "Display/DPI", "Vista" },
    { "Microsoft-Windows-Security-Licensing-SLC", "SkipRearm", "WS2008" },
    { "Microsoft-Windows-Security-Licensing-SLC-UX", "SkipAutoActivation", "Vista" },
  };
  UeSettingDef *def;
  guint added = 0;

  for (guint i = 0; i < additions->rows->len; i++)
    {
      GStrv row = g_ptr_array_index (additions->rows, i);
      const char *component = cell (additions, row, "component");
      const char *path = cell (additions, row, "path");
      g_autoptr(GPtrArray) archs = component_archs (catalog, component);

      g_assert_cmpuint (archs->len, >=, 3);
      for (guint a = 0; a < archs->len; a++)
        {
          UeComponentDef *comp = g_ptr_array_index (archs, a);

          def = ue_component_def_lookup (comp, path);
          g_assert_nonnull (def);
          g_assert_cmpint (def->deprecated, ==, strcmp (cell (additions, row, "deprecated"), "true") == 0);
          if (strcmp (cell (additions, row, "kind"), "amend") == 0)
            {
              UePassFlags extra = ue_pass_flags_parse (cell (additions, row, "passes"));
              g_assert_cmpuint (def->passes & extra, ==, extra);
              continue;
            }
          check_row (additions, row, comp, def, FALSE);
          g_assert_nonnull (def->description);
        }
      added++;
    }
  g_assert_cmpuint (added, >=, G_N_ELEMENTS (older));

  for (guint i = 0; i < G_N_ELEMENTS (older); i++)
    {
      g_auto(GStrv) versions = NULL;

      def = ue_component_def_lookup (ue_catalog_find_component (catalog, older[i].component, "x86"),
                                     older[i].path);
      g_assert_nonnull (def);
      g_assert_nonnull (def->applies_to);
      versions = g_strsplit (def->applies_to, " ", -1);
      g_assert_true (g_strv_contains ((const char * const *) versions, older[i].version));
    }
  def = ue_component_def_lookup (ue_catalog_find_component (catalog, "Microsoft-Windows-Shell-Setup", NULL),
                                 "OOBE/SkipUserOOBE");
  g_assert_true (def->deprecated);
  g_assert_cmpint (def->value_type, ==, UE_VALUE_TYPE_BOOLEAN);
  def = ue_component_def_lookup (ue_catalog_find_component (catalog, "Microsoft-Windows-SQMApi", NULL),
                                 "CEIPEnabled");
  g_assert_cmpuint (def->passes, ==, UE_PASS_SPECIALIZE | UE_PASS_OOBE_SYSTEM);
}

/* FORMATS.md §4, the seed's popular options */
static const struct { const char *component, *path; } popular[] = {
  { "Microsoft-Windows-Shell-Setup", "ComputerName" },
  { "Microsoft-Windows-Shell-Setup", "RegisteredOrganization" },
  { "Microsoft-Windows-Shell-Setup", "RegisteredOwner" },
  { "Microsoft-Windows-International-Core", "InputLocale" },
  { "Microsoft-Windows-International-Core", "SystemLocale" },
  { "Microsoft-Windows-International-Core", "UILanguage" },
  { "Microsoft-Windows-International-Core", "UserLocale" },
  { "Microsoft-Windows-International-Core-WinPE", "InputLocale" },
  { "Microsoft-Windows-International-Core-WinPE", "SystemLocale" },
  { "Microsoft-Windows-International-Core-WinPE", "UILanguage" },
  { "Microsoft-Windows-International-Core-WinPE", "UserLocale" },
  { "Microsoft-Windows-International-Core-WinPE", "SetupUILanguage/UILanguage" },
  { "Microsoft-Windows-OutOfBoxExperience", "DoNotOpenInitialConfigurationTasksAtLogon" },
  { "Microsoft-Windows-ServerManager-SvrMgrNc", "DoNotOpenServerManagerAtLogon" },
  { "Microsoft-Windows-Shell-Setup", "UserAccounts/AdministratorPassword" },
  { "Microsoft-Windows-Shell-Setup", "UserAccounts/LocalAccounts/LocalAccount" },
  { "Microsoft-Windows-Shell-Setup", "FirstLogonCommands/SynchronousCommand" },
  { "Microsoft-Windows-Shell-Setup", "OOBE/ProtectYourPC" },
  { "Microsoft-Windows-Shell-Setup", "OOBE/NetworkLocation" },
  { "Microsoft-Windows-Shell-Setup", "Display/ColorDepth" },
  { "Microsoft-Windows-Shell-Setup", "Display/HorizontalResolution" },
  { "Microsoft-Windows-Shell-Setup", "Display/VerticalResolution" },
  { "Microsoft-Windows-Shell-Setup", "Display/RefreshRate" },
  { "Microsoft-Windows-Shell-Setup", "TimeZone" },
  { "Microsoft-Windows-IE-ESC", "IEHardenAdmin" },
  { "Microsoft-Windows-IE-ESC", "IEHardenUser" },
  { "Microsoft-Windows-Shell-Setup", "OOBE/HideEULAPage" },
  { "Microsoft-Windows-Shell-Setup", "OOBE/SkipMachineOOBE" },
};

static void
assert_described (const UeSettingDef *def)
{
  if (def->description == NULL || *def->description == '\0')
    g_error ("%s: no description", def->path);
  for (guint i = 0; i < def->children->len; i++)
    assert_described (g_ptr_array_index (def->children, i));
}

static guint
count_settings (GPtrArray *settings,
                guint     *described)
{
  guint n = 0;

  for (guint i = 0; i < settings->len; i++)
    {
      UeSettingDef *def = g_ptr_array_index (settings, i);
      n += 1 + count_settings (def->children, described);
      *described += def->description != NULL;
    }
  return n;
}

static void
test_descriptions (void)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  GPtrArray *components = ue_catalog_get_components (catalog);
  guint settings = 0, described = 0, n_components = 0;

  for (guint i = 0; i < G_N_ELEMENTS (popular); i++)
    {
      UeComponentDef *comp = ue_catalog_find_component (catalog, popular[i].component, NULL);
      UeSettingDef *def = ue_component_def_lookup (comp, popular[i].path);

      g_assert_nonnull (def);
      /* the setting, everything below it, and the containers above it */
      assert_described (def);
      for (UeSettingDef *up = def->parent; up != NULL; up = up->parent)
        g_assert_nonnull (up->description);
    }
  for (guint i = 0; i < components->len; i++)
    {
      UeComponentDef *def = g_ptr_array_index (components, i);

      g_assert_nonnull (def->description);
      if (strcmp (def->arch, "x86") != 0)
        continue;
      n_components++;
      settings += count_settings (def->settings, &described);
    }
  g_test_message ("%u components, %u settings, %u described", n_components, settings, described);
}

static void
test_passwords (void)
{
  g_autoptr(UeCatalog) catalog = ue_catalog_get_default ();
  UeComponentDef *shell = ue_catalog_find_component (catalog, "Microsoft-Windows-Shell-Setup", NULL);
  UeComponentDef *join = ue_catalog_find_component (catalog, "Microsoft-Windows-UnattendedJoin", NULL);
  static const char * const containers[] = {
    "UserAccounts/AdministratorPassword",
    "UserAccounts/LocalAccounts/LocalAccount/Password",
    "AutoLogon/Password",
    "OfflineUserAccounts/OfflineAdministratorPassword",
  };

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    {
      UeSettingDef *def = ue_component_def_lookup (shell, containers[i]);
      UeSettingDef *plain;

      g_assert_true (ue_setting_def_is_password (def));
      plain = ue_setting_def_find_child (def, "PlainText");
      g_assert_nonnull (plain);
      g_assert_cmpint (plain->value_type, ==, UE_VALUE_TYPE_BOOLEAN);
      g_assert_cmpint (ue_setting_def_find_child (def, "Value")->value_type, ==, UE_VALUE_TYPE_STRING);
    }
  /* a domain join password is plain text, as documented */
  g_assert_false (ue_setting_def_is_password (ue_component_def_lookup (join, "Identification/Credentials/Password")));
  g_assert_false (ue_setting_def_is_password (ue_component_def_lookup (shell, "ProductKey")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* first, so that the threads race for the first load */
  g_test_add_func ("/core/default-catalog/loaded", test_loaded);
  for (UeValueType t = UE_VALUE_TYPE_NONE; t <= UE_VALUE_TYPE_ENUM; t++)
    {
      g_autofree char *path = g_strdup_printf ("/core/default-catalog/facts/%s", ue_value_type_to_string (t));
      g_test_add_data_func (path, ue_value_type_to_string (t), test_facts);
    }
  g_test_add_func ("/core/default-catalog/components", test_components);
  g_test_add_func ("/core/default-catalog/case-insensitive", test_case_insensitive);
  g_test_add_func ("/core/default-catalog/architectures", test_architectures);
  g_test_add_func ("/core/default-catalog/additions", test_additions);
  g_test_add_func ("/core/default-catalog/descriptions", test_descriptions);
  g_test_add_func ("/core/default-catalog/passwords", test_passwords);
  return g_test_run ();
}
