/* test-catalog-file.c — catalog save/load round trip and damaged files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "core/catalog-file.h"
#include "core/manifest-reader.h"

static char *tmpdir;

static UeCatalog *
catalog_from_test_manifests (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("UE_TEST_DATA"), "manifests", NULL);
  g_autofree char *pkgdir = g_build_filename (dir, "packages", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GDir) pd = g_dir_open (pkgdir, 0, NULL);
  UeCatalog *catalog = ue_catalog_new (UE_CATALOG_SOURCE_IMAGE);
  UeCatalogSource *src = ue_catalog_get_source_mutable (catalog);
  const char *name;

  g_assert_nonnull (d);
  g_assert_nonnull (pd);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(UeComponentDef) comp = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".manifest"))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      if (ue_manifest_is_compressed (data, len))
        continue;
      comp = ue_manifest_read_component (data, len, name, NULL);
      g_assert_nonnull (comp);
      ue_catalog_add_component (catalog, comp);
    }
  while ((name = g_dir_read_name (pd)) != NULL)
    {
      g_autofree char *path = g_build_filename (pkgdir, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(UePackageDef) pkg = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      pkg = ue_manifest_read_package (data, len, name, NULL);
      g_assert_nonnull (pkg);
      ue_catalog_add_package (catalog, pkg);
    }
  src->path = g_strdup ("/images/install.wim");
  src->wim_guid = g_strdup ("00112233445566778899aabbccddeeff");
  src->image_index = 2;
  src->image_name = g_strdup ("Windows Server 2008 SERVERENTERPRISE");
  src->build = g_strdup ("6001");
  src->arch = g_strdup ("amd64");
  src->manifests = 3007;
  src->compressed = 1;
  return catalog;
}

static void
assert_settings_equal (GPtrArray *a,
                       GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const UeSettingDef *x = g_ptr_array_index (a, i);
      const UeSettingDef *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->path, ==, y->path);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->value_type, ==, y->value_type);
      g_assert_cmpstr (x->xsd_type, ==, y->xsd_type);
      if (x->enum_values == NULL)
        g_assert_null (y->enum_values);
      else
        g_assert_true (g_strv_equal ((const char * const *) x->enum_values,
                                     (const char * const *) y->enum_values));
      g_assert_cmpint (x->has_min, ==, y->has_min);
      g_assert_cmpint (x->min, ==, y->min);
      g_assert_cmpint (x->has_max, ==, y->has_max);
      g_assert_cmpint (x->max, ==, y->max);
      g_assert_cmpint (x->min_length, ==, y->min_length);
      g_assert_cmpint (x->max_length, ==, y->max_length);
      g_assert_cmpstr (x->pattern, ==, y->pattern);
      g_assert_cmpstr (x->default_value, ==, y->default_value);
      g_assert_cmpuint (x->passes, ==, y->passes);
      g_assert_cmpstr (x->key, ==, y->key);
      g_assert_cmpint (x->visible, ==, y->visible);
      g_assert_cmpint (x->deprecated, ==, y->deprecated);
      g_assert_cmpstr (x->display_name, ==, y->display_name);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpstr (x->applies_to, ==, y->applies_to);
      g_assert_true ((x->parent == NULL) == (y->parent == NULL));
      assert_settings_equal (x->children, y->children);
    }
}

static void
assert_catalogs_equal (UeCatalog *a,
                       UeCatalog *b)
{
  const UeCatalogSource *sa = ue_catalog_get_source (a);
  const UeCatalogSource *sb = ue_catalog_get_source (b);
  GPtrArray *ca = ue_catalog_get_components (a), *cb = ue_catalog_get_components (b);
  GPtrArray *pa = ue_catalog_get_packages (a), *pb = ue_catalog_get_packages (b);

  g_assert_cmpint (sa->kind, ==, sb->kind);
  g_assert_cmpstr (sa->path, ==, sb->path);
  g_assert_cmpstr (sa->wim_guid, ==, sb->wim_guid);
  g_assert_cmpuint (sa->image_index, ==, sb->image_index);
  g_assert_cmpstr (sa->image_name, ==, sb->image_name);
  g_assert_cmpstr (sa->build, ==, sb->build);
  g_assert_cmpstr (sa->arch, ==, sb->arch);
  g_assert_cmpuint (sa->manifests, ==, sb->manifests);
  g_assert_cmpuint (sa->compressed, ==, sb->compressed);
  g_assert_cmpuint (sa->decoded, ==, sb->decoded);
  g_assert_cmpuint (sa->failed, ==, sb->failed);

  g_assert_cmpuint (ca->len, ==, cb->len);
  for (guint i = 0; i < ca->len; i++)
    {
      const UeComponentDef *x = g_ptr_array_index (ca, i);
      const UeComponentDef *y = g_ptr_array_index (cb, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->arch, ==, y->arch);
      g_assert_cmpstr (x->version, ==, y->version);
      g_assert_cmpstr (x->public_key_token, ==, y->public_key_token);
      g_assert_cmpstr (x->language, ==, y->language);
      g_assert_cmpstr (x->version_scope, ==, y->version_scope);
      g_assert_cmpstr (x->description, ==, y->description);
      g_assert_cmpuint (x->n_hidden, ==, y->n_hidden);
      assert_settings_equal (x->settings, y->settings);
    }
  g_assert_cmpuint (pa->len, ==, pb->len);
  for (guint i = 0; i < pa->len; i++)
    {
      const UePackageDef *x = g_ptr_array_index (pa, i);
      const UePackageDef *y = g_ptr_array_index (pb, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->arch, ==, y->arch);
      g_assert_cmpstr (x->version, ==, y->version);
      g_assert_cmpstr (x->public_key_token, ==, y->public_key_token);
      g_assert_cmpstr (x->language, ==, y->language);
      g_assert_cmpstr (x->release_type, ==, y->release_type);
      g_assert_true (g_strv_equal ((const char * const *) x->features, (const char * const *) y->features));
    }
}

static char *
saved_file (const char *name)
{
  g_autoptr(UeCatalog) catalog = catalog_from_test_manifests ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmpdir, name, NULL);

  g_assert_true (ue_catalog_file_save (catalog, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_round_trip (void)
{
  g_autoptr(UeCatalog) built = catalog_from_test_manifests ();
  g_autofree char *path = g_build_filename (tmpdir, "sub", "dir", "rt.catalog", NULL);
  g_autofree char *again = g_build_filename (tmpdir, "rt2.catalog", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) loaded = NULL;
  g_autoptr(UeCatalog) reloaded = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize alen, blen;

  g_assert_cmpuint (ue_catalog_get_components (built)->len, ==, 7);
  g_assert_true (ue_catalog_file_save (built, path, &error));   /* creates the folders */
  g_assert_no_error (error);
  loaded = ue_catalog_file_load (path, &error);
  g_assert_no_error (error);
  assert_catalogs_equal (built, loaded);
  g_assert_nonnull (ue_component_def_lookup (ue_catalog_find_component (loaded, "Microsoft-Windows-Shell-Setup", "amd64"),
                                             "UserAccounts/LocalAccounts/LocalAccount/Password/Value"));

  /* saving what was loaded gives the same bytes */
  g_assert_true (ue_catalog_file_save (loaded, again, &error));
  reloaded = ue_catalog_file_load (again, &error);
  g_assert_no_error (error);
  assert_catalogs_equal (built, reloaded);
  g_assert_true (g_file_get_contents (path, &a, &alen, NULL));
  g_assert_true (g_file_get_contents (again, &b, &blen, NULL));
  g_assert_cmpmem (a, alen, b, blen);
}

static void
test_empty (void)
{
  g_autoptr(UeCatalog) empty = ue_catalog_new (UE_CATALOG_SOURCE_EMBEDDED);
  g_autofree char *path = g_build_filename (tmpdir, "empty.catalog", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) loaded = NULL;

  g_assert_true (ue_catalog_file_save (empty, path, &error));
  loaded = ue_catalog_file_load (path, &error);
  g_assert_no_error (error);
  assert_catalogs_equal (empty, loaded);
}

static void
expect_load_error (const char *path,
                   gint        code,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = ue_catalog_file_load (path, &error);

  g_assert_null (catalog);
  g_assert_error (error, UE_CATALOG_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, path));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” lacks “%s”", error->message, fragment);
}

static void
rewrite (const char *path,
         gsize       keep,
         gsize       flip_at,
         guint8      flip_to)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  if (flip_at < len)
    data[flip_at] = flip_to;
  g_assert_true (g_file_set_contents (path, data, MIN (keep, len), NULL));
}

static void
test_damaged (void)
{
  g_autofree char *missing = g_build_filename (tmpdir, "missing.catalog", NULL);
  g_autofree char *foreign = g_build_filename (tmpdir, "foreign.catalog", NULL);
  g_autofree char *tiny = g_build_filename (tmpdir, "tiny.catalog", NULL);
  g_autofree char *truncated = saved_file ("truncated.catalog");
  g_autofree char *header_only = saved_file ("header.catalog");
  g_autofree char *damaged = saved_file ("damaged.catalog");
  g_autofree char *newer = saved_file ("newer.catalog");
  g_autofree char *zero = saved_file ("zero.catalog");
  g_autofree char *longer = saved_file ("longer.catalog");
  g_autofree char *data = NULL;
  gsize len;

  expect_load_error (missing, UE_CATALOG_ERROR_NOT_FOUND, ": error: no such file");
  g_assert_true (g_file_set_contents (foreign, "<?xml version=\"1.0\"?><unattend/>\n", -1, NULL));
  expect_load_error (foreign, UE_CATALOG_ERROR_CORRUPT, "not an Unattend Editor catalog");
  g_assert_true (g_file_set_contents (tiny, "UECATLG", -1, NULL));
  expect_load_error (tiny, UE_CATALOG_ERROR_CORRUPT, "not an Unattend Editor catalog");

  g_assert_true (g_file_get_contents (truncated, &data, &len, NULL));
  rewrite (truncated, len - 100, G_MAXSIZE, 0);
  expect_load_error (truncated, UE_CATALOG_ERROR_CORRUPT, "truncated");
  rewrite (header_only, 32, G_MAXSIZE, 0);
  expect_load_error (header_only, UE_CATALOG_ERROR_CORRUPT, "truncated");
  rewrite (damaged, G_MAXSIZE, len / 2, data[len / 2] ^ 0x55);
  expect_load_error (damaged, UE_CATALOG_ERROR_CORRUPT, "damaged");
  rewrite (newer, G_MAXSIZE, 8, UE_CATALOG_FILE_VERSION + 1);
  {
    g_autofree char *expect = g_strdup_printf ("format %d", UE_CATALOG_FILE_VERSION + 1);
    expect_load_error (newer, UE_CATALOG_ERROR_VERSION, expect);
  }
  rewrite (zero, G_MAXSIZE, 8, 0);
  expect_load_error (zero, UE_CATALOG_ERROR_VERSION, "format 0");
  {
    g_autofree char *more = g_malloc (len + 4);
    memcpy (more, data, len);
    memcpy (more + len, "tail", 4);
    g_assert_true (g_file_set_contents (longer, more, len + 4, NULL));
  }
  expect_load_error (longer, UE_CATALOG_ERROR_CORRUPT, "truncated");
}

static void
test_mutated (void)
{
  g_autofree char *path = saved_file ("mutated.catalog");
  g_autofree guint8 *orig = NULL;
  gsize len;
  GRand *rand = g_rand_new_with_seed (4);
  guint loaded = 0, refused = 0;

  g_assert_true (g_file_get_contents (path, (char **) &orig, &len, NULL));
  for (guint round = 0; round < 1500; round++)
    {
      g_autofree guint8 *data = g_memdup2 (orig, len);
      g_autoptr(GError) error = NULL;
      g_autoptr(UeCatalog) catalog = NULL;
      guint n = g_rand_int_range (rand, 1, 8);
      guint64 sum;

      for (guint i = 0; i < n; i++)
        {
          gsize at = g_rand_int_range (rand, 32, len);
          /* small numbers and all-ones hit counts, offsets and NO_STRING */
          data[at] = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, 256) : (round & 1 ? 0xff : 0);
        }
      sum = GUINT64_TO_LE (ue_catalog_file_checksum (data + 32, len - 32));
      memcpy (data + 24, &sum, 8);
      g_assert_true (g_file_set_contents_full (path, (const char *) data, len,
                                               G_FILE_SET_CONTENTS_NONE, 0644, NULL));
      catalog = ue_catalog_file_load (path, &error);
      if (catalog != NULL)
        {
          /* whatever loaded is a usable catalog */
          GPtrArray *components = ue_catalog_get_components (catalog);
          for (guint i = 0; i < components->len; i++)
            g_free (ue_component_def_dup_display_name (g_ptr_array_index (components, i)));
          loaded++;
        }
      else
        {
          g_assert_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_CORRUPT);
          refused++;
        }
    }
  g_test_message ("%u mutated files loaded, %u refused", loaded, refused);
  g_assert_cmpuint (refused, >, 0);
  g_rand_free (rand);
}

static void
test_default_path (void)
{
  g_autofree char *path = ue_catalog_file_default_path ("00112233445566778899aabbccddeeff", 3);
  g_autofree char *expect = g_build_filename (tmpdir, "cache", "unattend-editor",
                                              "00112233445566778899aabbccddeeff-3.catalog", NULL);

  g_assert_cmpstr (path, ==, expect);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ue-catalog-file-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  cache = g_build_filename (tmpdir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_add_func ("/core/catalog-file/round-trip", test_round_trip);
  g_test_add_func ("/core/catalog-file/empty", test_empty);
  g_test_add_func ("/core/catalog-file/damaged", test_damaged);
  g_test_add_func ("/core/catalog-file/mutated", test_mutated);
  g_test_add_func ("/core/catalog-file/default-path", test_default_path);
  ret = g_test_run ();

  {
    const char *rm[] = { "rm", "-rf", tmpdir, NULL };
    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_free (tmpdir);
  return ret;
}
