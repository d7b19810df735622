/* catalog-file.c — save and load a catalog (the cache of a built image catalog)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The payload is one GVariant of fixed-width tables and a string pool, so that
 * loading costs no GVariant per field: g_variant_get_fixed_array hands out the
 * tables as C arrays. Strings are offsets into the pool (NO_STRING for NULL); the
 * setting trees are stored flat, in pre-order, each row naming its parent's row.
 * GVariant reads untrusted data safely, but cannot tell a truncated or altered file
 * from a valid one: hence the size and checksum in the header, and the range checks
 * on every offset and index read from the tables.
 */
#define G_LOG_DOMAIN "ue-core"

#include "catalog-file.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define MAGIC        "UECATLG\n"
#define HEADER_SIZE  32

/* pool, source row, component rows, setting rows, setting ranges, package rows, string lists */
#define CATALOG_TYPE "(ayauauauaxauau)"
#define NO_STRING    G_MAXUINT32

enum { SRC_KIND, SRC_PATH, SRC_GUID, SRC_INDEX, SRC_NAME, SRC_BUILD, SRC_ARCH, SRC_MANIFESTS,
       SRC_COMPRESSED, SRC_DECODED, SRC_FAILED, SRC_N };
enum { COMP_NAME, COMP_ARCH, COMP_VERSION, COMP_TOKEN, COMP_LANGUAGE, COMP_SCOPE, COMP_DESCRIPTION,
       COMP_HIDDEN, COMP_FIRST_SETTING, COMP_N_SETTINGS, COMP_N };
enum { SET_PARENT, SET_KIND, SET_VALUE_TYPE, SET_FLAGS, SET_NAME, SET_XSD, SET_PATTERN, SET_DEFAULT,
       SET_KEY, SET_DISPLAY, SET_DESCRIPTION, SET_APPLIES_TO, SET_PASSES, SET_MIN_LENGTH,
       SET_MAX_LENGTH, SET_FIRST_ENUM, SET_N_ENUMS, SET_N };
enum { PKG_NAME, PKG_ARCH, PKG_VERSION, PKG_TOKEN, PKG_LANGUAGE, PKG_RELEASE, PKG_FIRST_FEATURE,
       PKG_N_FEATURES, PKG_N };
enum { FLAG_HAS_MIN = 1, FLAG_HAS_MAX = 2, FLAG_VISIBLE = 4, FLAG_DEPRECATED = 8 };

guint64
ue_catalog_file_checksum (const guint8 *data,
                          gsize         len)
{
  /* FNV-1a over 64-bit words: catches truncation and damage, costs well under a ms */
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  const guint64 prime = G_GUINT64_CONSTANT (0x100000001b3);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;
      memcpy (&w, data + i, 8);
      h = (h ^ GUINT64_FROM_LE (w)) * prime;
    }
  for (; i < len; i++)
    h = (h ^ data[i]) * prime;
  return h ^ len;
}

/* ---- save ---- */

typedef struct
{
  GByteArray *pool;
  GHashTable *offsets;     /* string -> offset + 1 */
  GArray     *source, *components, *settings, *ranges, *packages, *lists;
} Writer;

static guint32
pool_add (Writer     *w,
          const char *s)
{
  guint32 offset;

  if (s == NULL)
    return NO_STRING;
  offset = GPOINTER_TO_UINT (g_hash_table_lookup (w->offsets, s));
  if (offset > 0)
    return offset - 1;
  offset = w->pool->len;
  g_byte_array_append (w->pool, (const guint8 *) s, strlen (s) + 1);
  g_hash_table_insert (w->offsets, (gpointer) s, GUINT_TO_POINTER (offset + 1));
  return offset;
}

static void
add_u32 (GArray  *table,
         guint32  value)
{
  value = GUINT32_TO_LE (value);
  g_array_append_val (table, value);
}

static void
add_list (Writer             *w,
          const char * const *strv,
          guint32            *first,
          guint32            *n)
{
  *first = w->lists->len;
  *n = 0;
  for (; strv != NULL && strv[*n] != NULL; (*n)++)
    add_u32 (w->lists, pool_add (w, strv[*n]));
}

static void
add_setting (Writer             *w,
             const UeSettingDef *def,
             guint32             parent,
             guint32            *next)
{
  guint32 self = (*next)++;
  guint32 first_enum, n_enums;
  gint64 range[2];
  guint32 row[SET_N];

  add_list (w, (const char * const *) def->enum_values, &first_enum, &n_enums);
  row[SET_PARENT] = parent;
  row[SET_KIND] = def->kind;
  row[SET_VALUE_TYPE] = def->value_type;
  row[SET_FLAGS] = (def->has_min ? FLAG_HAS_MIN : 0) | (def->has_max ? FLAG_HAS_MAX : 0) |
                   (def->visible ? FLAG_VISIBLE : 0) | (def->deprecated ? FLAG_DEPRECATED : 0);
  row[SET_NAME] = pool_add (w, def->name);
  row[SET_XSD] = pool_add (w, def->xsd_type);
  row[SET_PATTERN] = pool_add (w, def->pattern);
  row[SET_DEFAULT] = pool_add (w, def->default_value);
  row[SET_KEY] = pool_add (w, def->key);
  row[SET_DISPLAY] = pool_add (w, def->display_name);
  row[SET_DESCRIPTION] = pool_add (w, def->description);
  row[SET_APPLIES_TO] = pool_add (w, def->applies_to);
  row[SET_PASSES] = def->passes;
  row[SET_MIN_LENGTH] = (guint32) def->min_length;
  row[SET_MAX_LENGTH] = (guint32) def->max_length;
  row[SET_FIRST_ENUM] = first_enum;
  row[SET_N_ENUMS] = n_enums;
  for (guint i = 0; i < SET_N; i++)
    add_u32 (w->settings, row[i]);
  range[0] = GINT64_TO_LE (def->min);
  range[1] = GINT64_TO_LE (def->max);
  g_array_append_vals (w->ranges, range, 2);
  for (guint i = 0; i < def->children->len; i++)
    add_setting (w, g_ptr_array_index (def->children, i), self, next);
}

static GVariant *
fixed_array (const GVariantType *element,
             GArray             *table,
             gsize               element_size)
{
  return g_variant_new_fixed_array (element, table->data, table->len, element_size);
}

static GVariant *
catalog_to_variant (UeCatalog *catalog)
{
  const UeCatalogSource *src = ue_catalog_get_source (catalog);
  GPtrArray *components = ue_catalog_get_components (catalog);
  GPtrArray *packages = ue_catalog_get_packages (catalog);
  guint32 n_settings = 0;
  Writer w;
  GVariant *children[7];
  GVariant *result;

  /* never empty, so a valid pool always ends with a NUL */
  w.pool = g_byte_array_new ();
  g_byte_array_append (w.pool, (const guint8 *) "", 1);
  w.offsets = g_hash_table_new (g_str_hash, g_str_equal);
  w.source = g_array_new (FALSE, FALSE, 4);
  w.components = g_array_new (FALSE, FALSE, 4);
  w.settings = g_array_new (FALSE, FALSE, 4);
  w.ranges = g_array_new (FALSE, FALSE, 8);
  w.packages = g_array_new (FALSE, FALSE, 4);
  w.lists = g_array_new (FALSE, FALSE, 4);

  {
    guint32 row[SRC_N] = {
      src->kind, pool_add (&w, src->path), pool_add (&w, src->wim_guid), src->image_index,
      pool_add (&w, src->image_name), pool_add (&w, src->build), pool_add (&w, src->arch),
      src->manifests, src->compressed, src->decoded, src->failed,
    };
    for (guint i = 0; i < SRC_N; i++)
      add_u32 (w.source, row[i]);
  }
  for (guint i = 0; i < components->len; i++)
    {
      const UeComponentDef *c = g_ptr_array_index (components, i);
      guint32 first = n_settings, next = 0;
      guint32 row[COMP_N];

      for (guint j = 0; j < c->settings->len; j++)
        add_setting (&w, g_ptr_array_index (c->settings, j), NO_STRING, &next);
      n_settings += next;
      row[COMP_NAME] = pool_add (&w, c->name);
      row[COMP_ARCH] = pool_add (&w, c->arch);
      row[COMP_VERSION] = pool_add (&w, c->version);
      row[COMP_TOKEN] = pool_add (&w, c->public_key_token);
      row[COMP_LANGUAGE] = pool_add (&w, c->language);
      row[COMP_SCOPE] = pool_add (&w, c->version_scope);
      row[COMP_DESCRIPTION] = pool_add (&w, c->description);
      row[COMP_HIDDEN] = c->n_hidden;
      row[COMP_FIRST_SETTING] = first;
      row[COMP_N_SETTINGS] = next;
      for (guint k = 0; k < COMP_N; k++)
        add_u32 (w.components, row[k]);
    }
  for (guint i = 0; i < packages->len; i++)
    {
      const UePackageDef *p = g_ptr_array_index (packages, i);
      guint32 row[PKG_N];

      row[PKG_NAME] = pool_add (&w, p->name);
      row[PKG_ARCH] = pool_add (&w, p->arch);
      row[PKG_VERSION] = pool_add (&w, p->version);
      row[PKG_TOKEN] = pool_add (&w, p->public_key_token);
      row[PKG_LANGUAGE] = pool_add (&w, p->language);
      row[PKG_RELEASE] = pool_add (&w, p->release_type);
      add_list (&w, (const char * const *) p->features, &row[PKG_FIRST_FEATURE], &row[PKG_N_FEATURES]);
      for (guint k = 0; k < PKG_N; k++)
        add_u32 (w.packages, row[k]);
    }

  children[0] = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, w.pool->data, w.pool->len, 1);
  children[1] = fixed_array (G_VARIANT_TYPE_UINT32, w.source, 4);
  children[2] = fixed_array (G_VARIANT_TYPE_UINT32, w.components, 4);
  children[3] = fixed_array (G_VARIANT_TYPE_UINT32, w.settings, 4);
  children[4] = fixed_array (G_VARIANT_TYPE_INT64, w.ranges, 8);
  children[5] = fixed_array (G_VARIANT_TYPE_UINT32, w.packages, 4);
  children[6] = fixed_array (G_VARIANT_TYPE_UINT32, w.lists, 4);
  result = g_variant_ref_sink (g_variant_new_tuple (children, G_N_ELEMENTS (children)));

  g_byte_array_unref (w.pool);
  g_hash_table_unref (w.offsets);
  g_array_unref (w.source);
  g_array_unref (w.components);
  g_array_unref (w.settings);
  g_array_unref (w.ranges);
  g_array_unref (w.packages);
  g_array_unref (w.lists);
  return result;
}

gboolean
ue_catalog_file_save (UeCatalog   *catalog,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) le = NULL;
  g_autofree char *dir = NULL;
  g_autofree guint8 *buf = NULL;
  gsize size;
  guint32 u32;
  guint64 u64;

  g_return_val_if_fail (UE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  variant = catalog_to_variant (catalog);
  le = G_BYTE_ORDER == G_LITTLE_ENDIAN ? g_variant_ref (variant) : g_variant_byteswap (variant);
  size = g_variant_get_size (le);
  buf = g_malloc0 (HEADER_SIZE + size);
  memcpy (buf, MAGIC, 8);
  u32 = GUINT32_TO_LE (UE_CATALOG_FILE_VERSION);
  memcpy (buf + 8, &u32, 4);
  u64 = GUINT64_TO_LE ((guint64) size);
  memcpy (buf + 16, &u64, 8);
  g_variant_store (le, buf + HEADER_SIZE);
  u64 = GUINT64_TO_LE (ue_catalog_file_checksum (buf + HEADER_SIZE, size));
  memcpy (buf + 24, &u64, 8);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("%s: error: cannot create the folder: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  /* atomic: a reader never sees half a catalog */
  return g_file_set_contents_full (path, (const char *) buf, HEADER_SIZE + size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

/* ---- load ---- */

typedef struct
{
  const char    *pool;
  gsize          pool_len;
  const guint32 *lists;
  gsize          n_lists;
} Reader;

static guint32
le (guint32 v)
{
  return GUINT32_FROM_LE (v);
}

/* FALSE for an offset outside the pool; *out is NULL for NO_STRING */
static gboolean
pool_get (const Reader *r,
          guint32       ref,
          char        **out)
{
  ref = le (ref);
  *out = NULL;
  if (ref == NO_STRING)
    return TRUE;
  if (ref >= r->pool_len)
    return FALSE;
  *out = g_strdup (r->pool + ref);
  return TRUE;
}

static gboolean
list_get (const Reader  *r,
          guint32        first,
          guint32        n,
          char        ***out)
{
  first = le (first);
  n = le (n);
  *out = NULL;
  if (first > r->n_lists || n > r->n_lists - first)
    return FALSE;
  *out = g_new0 (char *, n + 1);
  for (guint32 i = 0; i < n; i++)
    if (!pool_get (r, r->lists[first + i], &(*out)[i]) || (*out)[i] == NULL)
      return FALSE;
  return TRUE;
}

/* Every string of the pool is NUL-terminated valid UTF-8. */
static gboolean
pool_is_valid (const char *pool,
               gsize       len)
{
  gsize start = 0;

  if (len == 0 || pool[len - 1] != '\0')
    return FALSE;
  while (start < len)
    {
      gsize n = strlen (pool + start);
      if (!g_utf8_validate (pool + start, n, NULL))
        return FALSE;
      start += n + 1;
    }
  return TRUE;
}

static UeSettingDef *
load_setting (const Reader  *r,
              const guint32 *row,
              const gint64  *range)
{
  g_autoptr(UeSettingDef) def = NULL;
  g_autofree char *name = NULL;
  guint32 kind = le (row[SET_KIND]), value_type = le (row[SET_VALUE_TYPE]), flags = le (row[SET_FLAGS]);
  gboolean ok;

  if (!pool_get (r, row[SET_NAME], &name) || name == NULL || *name == '\0' ||
      kind > UE_SETTING_KIND_LIST || value_type > UE_VALUE_TYPE_ENUM)
    return NULL;
  def = ue_setting_def_new (name, kind);
  def->value_type = value_type;
  def->has_min = (flags & FLAG_HAS_MIN) != 0;
  def->has_max = (flags & FLAG_HAS_MAX) != 0;
  def->visible = (flags & FLAG_VISIBLE) != 0;
  def->deprecated = (flags & FLAG_DEPRECATED) != 0;
  def->min = GINT64_FROM_LE (range[0]);
  def->max = GINT64_FROM_LE (range[1]);
  def->passes = le (row[SET_PASSES]) & UE_PASS_ALL;
  def->min_length = MAX ((gint32) le (row[SET_MIN_LENGTH]), -1);
  def->max_length = MAX ((gint32) le (row[SET_MAX_LENGTH]), -1);
  ok = pool_get (r, row[SET_XSD], &def->xsd_type) &&
       pool_get (r, row[SET_PATTERN], &def->pattern) &&
       pool_get (r, row[SET_DEFAULT], &def->default_value) &&
       pool_get (r, row[SET_KEY], &def->key) &&
       pool_get (r, row[SET_DISPLAY], &def->display_name) &&
       pool_get (r, row[SET_DESCRIPTION], &def->description) &&
       pool_get (r, row[SET_APPLIES_TO], &def->applies_to) &&
       list_get (r, row[SET_FIRST_ENUM], row[SET_N_ENUMS], &def->enum_values);
  if (!ok)
    return NULL;
  if (def->enum_values[0] == NULL)
    g_clear_pointer (&def->enum_values, g_strfreev);
  return g_steal_pointer (&def);
}

static gboolean
catalog_from_variant (UeCatalog *catalog,
                      GVariant  *root)
{
  g_autoptr(GVariant) v_pool = g_variant_get_child_value (root, 0);
  g_autoptr(GVariant) v_source = g_variant_get_child_value (root, 1);
  g_autoptr(GVariant) v_comps = g_variant_get_child_value (root, 2);
  g_autoptr(GVariant) v_settings = g_variant_get_child_value (root, 3);
  g_autoptr(GVariant) v_ranges = g_variant_get_child_value (root, 4);
  g_autoptr(GVariant) v_pkgs = g_variant_get_child_value (root, 5);
  g_autoptr(GVariant) v_lists = g_variant_get_child_value (root, 6);
  g_autoptr(GPtrArray) by_index = g_ptr_array_new ();
  UeCatalogSource *src = ue_catalog_get_source_mutable (catalog);
  const guint32 *source, *comps, *settings, *pkgs;
  const gint64 *ranges;
  gsize n_source, n_comps, n_settings, n_ranges, n_pkgs;
  Reader r;

  r.pool = g_variant_get_fixed_array (v_pool, &r.pool_len, 1);
  r.lists = g_variant_get_fixed_array (v_lists, &r.n_lists, 4);
  source = g_variant_get_fixed_array (v_source, &n_source, 4);
  comps = g_variant_get_fixed_array (v_comps, &n_comps, 4);
  settings = g_variant_get_fixed_array (v_settings, &n_settings, 4);
  ranges = g_variant_get_fixed_array (v_ranges, &n_ranges, 8);
  pkgs = g_variant_get_fixed_array (v_pkgs, &n_pkgs, 4);
  if (!pool_is_valid (r.pool, r.pool_len) || n_source != SRC_N || n_comps % COMP_N != 0 ||
      n_settings % SET_N != 0 || n_ranges != 2 * (n_settings / SET_N) || n_pkgs % PKG_N != 0)
    return FALSE;
  n_comps /= COMP_N;
  n_settings /= SET_N;
  n_pkgs /= PKG_N;

  src->kind = le (source[SRC_KIND]) <= UE_CATALOG_SOURCE_IMAGE ? le (source[SRC_KIND]) : UE_CATALOG_SOURCE_FILE;
  src->image_index = le (source[SRC_INDEX]);
  src->manifests = le (source[SRC_MANIFESTS]);
  src->compressed = le (source[SRC_COMPRESSED]);
  src->decoded = le (source[SRC_DECODED]);
  src->failed = le (source[SRC_FAILED]);
  if (!pool_get (&r, source[SRC_PATH], &src->path) || !pool_get (&r, source[SRC_GUID], &src->wim_guid) ||
      !pool_get (&r, source[SRC_NAME], &src->image_name) || !pool_get (&r, source[SRC_BUILD], &src->build) ||
      !pool_get (&r, source[SRC_ARCH], &src->arch))
    return FALSE;

  for (gsize i = 0; i < n_comps; i++)
    {
      const guint32 *row = comps + i * COMP_N;
      g_autoptr(UeComponentDef) comp = NULL;
      g_autofree char *name = NULL, *arch = NULL;
      guint32 first = le (row[COMP_FIRST_SETTING]), n = le (row[COMP_N_SETTINGS]);

      if (!pool_get (&r, row[COMP_NAME], &name) || name == NULL || *name == '\0' ||
          !pool_get (&r, row[COMP_ARCH], &arch) || first > n_settings || n > n_settings - first)
        return FALSE;
      comp = ue_component_def_new (name, arch);
      comp->n_hidden = le (row[COMP_HIDDEN]);
      if (!pool_get (&r, row[COMP_VERSION], &comp->version) ||
          !pool_get (&r, row[COMP_TOKEN], &comp->public_key_token) ||
          !pool_get (&r, row[COMP_LANGUAGE], &comp->language) ||
          !pool_get (&r, row[COMP_SCOPE], &comp->version_scope) ||
          !pool_get (&r, row[COMP_DESCRIPTION], &comp->description))
        return FALSE;

      g_ptr_array_set_size (by_index, 0);
      for (guint32 j = 0; j < n; j++)
        {
          const guint32 *srow = settings + (gsize) (first + j) * SET_N;
          g_autoptr(UeSettingDef) def = load_setting (&r, srow, ranges + 2 * (gsize) (first + j));
          guint32 parent = le (srow[SET_PARENT]);

          if (def == NULL || (parent != NO_STRING && parent >= j))
            return FALSE;
          if (parent == NO_STRING)
            ue_component_def_add_setting (comp, def);
          else
            ue_setting_def_add_child (g_ptr_array_index (by_index, parent), def);
          g_ptr_array_add (by_index, def);   /* borrowed: owned by its parent */
        }
      ue_catalog_add_component (catalog, comp);
    }

  for (gsize i = 0; i < n_pkgs; i++)
    {
      const guint32 *row = pkgs + i * PKG_N;
      g_autoptr(UePackageDef) pkg = NULL;
      g_autofree char *name = NULL;

      if (!pool_get (&r, row[PKG_NAME], &name) || name == NULL)
        return FALSE;
      pkg = ue_package_def_new (name);
      g_clear_pointer (&pkg->features, g_strfreev);
      if (!pool_get (&r, row[PKG_ARCH], &pkg->arch) || !pool_get (&r, row[PKG_VERSION], &pkg->version) ||
          !pool_get (&r, row[PKG_TOKEN], &pkg->public_key_token) ||
          !pool_get (&r, row[PKG_LANGUAGE], &pkg->language) ||
          !pool_get (&r, row[PKG_RELEASE], &pkg->release_type) ||
          !list_get (&r, row[PKG_FIRST_FEATURE], row[PKG_N_FEATURES], &pkg->features))
        return FALSE;
      ue_catalog_add_package (catalog, pkg);
    }
  return TRUE;
}

UeCatalog *
ue_catalog_file_load (const char  *path,
                      GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) all = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GVariant) root = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  const guint8 *data;
  gsize len;
  guint32 version;
  guint64 size, checksum;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_NOT_FOUND,
                     _("%s: error: no such file"), path);
      else
        g_set_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_FAILED,
                     "%s: error: %s", path, local_error->message);
      return NULL;
    }
  all = g_mapped_file_get_bytes (mapped);
  data = g_bytes_get_data (all, &len);
  if (len < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    {
      g_set_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_CORRUPT,
                   _("%s: error: not an Unattend Editor catalog file"), path);
      return NULL;
    }
  memcpy (&version, data + 8, 4);
  version = GUINT32_FROM_LE (version);
  if (version != UE_CATALOG_FILE_VERSION)
    {
      g_set_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_VERSION,
                   _("%s: error: catalog format %u is not one this program reads (it reads format %u); "
                     "build the catalog again"), path, version, UE_CATALOG_FILE_VERSION);
      return NULL;
    }
  memcpy (&size, data + 16, 8);
  memcpy (&checksum, data + 24, 8);
  size = GUINT64_FROM_LE (size);
  if (size != len - HEADER_SIZE)
    {
      g_set_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_CORRUPT,
                   _("%s: error: the catalog file is truncated (%zu of %llu bytes)"),
                   path, (size_t) (len - HEADER_SIZE), (unsigned long long) size);
      return NULL;
    }
  if (GUINT64_FROM_LE (checksum) != ue_catalog_file_checksum (data + HEADER_SIZE, size))
    {
      g_set_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_CORRUPT,
                   _("%s: error: the catalog file is damaged (checksum mismatch)"), path);
      return NULL;
    }

  payload = g_bytes_new_from_bytes (all, HEADER_SIZE, size);
  root = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (CATALOG_TYPE), payload, FALSE));
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (root);
      g_variant_unref (root);
      root = swapped;
    }
  catalog = ue_catalog_new (UE_CATALOG_SOURCE_FILE);
  if (!catalog_from_variant (catalog, root))
    {
      g_set_error (error, UE_CATALOG_ERROR, UE_CATALOG_ERROR_CORRUPT,
                   _("%s: error: the catalog file holds an invalid setting tree"), path);
      return NULL;
    }
  return g_steal_pointer (&catalog);
}

char *
ue_catalog_file_default_path (const char *wim_guid,
                              guint       image_index)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (wim_guid != NULL, NULL);
  name = g_strdup_printf ("%s-%u.catalog", wim_guid, image_index);
  return g_build_filename (g_get_user_cache_dir (), "unattend-editor", name, NULL);
}
