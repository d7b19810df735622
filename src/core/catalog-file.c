/* catalog-file.c — save and load a catalog (the cache of a built image catalog)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GVariant cannot hold a recursive type, so each component's setting tree is stored
 * flat in pre-order with the index of the parent. GVariant reads untrusted data
 * safely (bad offsets give empty values), but it cannot tell a truncated or altered
 * file from a valid one, hence the size and checksum in the header.
 */
#define G_LOG_DOMAIN "ue-core"

#include "catalog-file.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define MAGIC        "UECATLG\n"
#define HEADER_SIZE  32

#define SOURCE_TYPE    "(ymsmsumsmsmsuuuu)"
#define SETTING_TYPE   "(isyymsasbxbxiimsmsumsbbmsmsms)"
#define COMPONENT_TYPE "(ssmsmsmsmsmsua" SETTING_TYPE ")"
#define PACKAGE_TYPE   "(smsmsmsmsmsas)"
#define CATALOG_TYPE   "(" SOURCE_TYPE "a" COMPONENT_TYPE "a" PACKAGE_TYPE ")"

/* the same tuples for g_variant_new/get: string arrays as strv, borrowed names */
#define SETTING_NEW    "(isyyms^asbxbxiimsmsumsbbmsmsms)"
#define SETTING_GET    "(i&syyms^asbxbxiimsmsumsbbmsmsms)"
#define COMPONENT_GET  "(&s&smsmsmsmsmsu@a" SETTING_TYPE ")"
#define PACKAGE_NEW    "(smsmsmsmsms^as)"
#define PACKAGE_GET    "(&smsmsmsmsms^as)"

static guint64
payload_checksum (const guint8 *data,
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

static void
add_setting (GVariantBuilder    *b,
             const UeSettingDef *def,
             gint32              parent,
             gint32             *next)
{
  gint32 self = (*next)++;
  const char * const empty[] = { NULL };

  g_variant_builder_add (b, SETTING_NEW,
                         parent, def->name, (guchar) def->kind, (guchar) def->value_type,
                         def->xsd_type,
                         def->enum_values ? (const char * const *) def->enum_values : empty,
                         def->has_min, def->min, def->has_max, def->max,
                         def->min_length, def->max_length, def->pattern, def->default_value,
                         (guint32) def->passes, def->key, def->visible, def->deprecated,
                         def->display_name, def->description, def->applies_to);
  for (guint i = 0; i < def->children->len; i++)
    add_setting (b, g_ptr_array_index (def->children, i), self, next);
}

static GVariant *
catalog_to_variant (UeCatalog *catalog)
{
  const UeCatalogSource *src = ue_catalog_get_source (catalog);
  GPtrArray *components = ue_catalog_get_components (catalog);
  GPtrArray *packages = ue_catalog_get_packages (catalog);
  GVariantBuilder b, comps, pkgs;

  g_variant_builder_init (&b, G_VARIANT_TYPE (CATALOG_TYPE));
  g_variant_builder_add (&b, SOURCE_TYPE, (guchar) src->kind, src->path, src->wim_guid,
                         src->image_index, src->image_name, src->build, src->arch,
                         src->manifests, src->compressed, src->decoded, src->failed);

  g_variant_builder_init (&comps, G_VARIANT_TYPE ("a" COMPONENT_TYPE));
  for (guint i = 0; i < components->len; i++)
    {
      const UeComponentDef *c = g_ptr_array_index (components, i);
      GVariantBuilder settings;
      gint32 next = 0;

      g_variant_builder_init (&settings, G_VARIANT_TYPE ("a" SETTING_TYPE));
      for (guint j = 0; j < c->settings->len; j++)
        add_setting (&settings, g_ptr_array_index (c->settings, j), -1, &next);
      g_variant_builder_add (&comps, COMPONENT_TYPE, c->name, c->arch, c->version,
                             c->public_key_token, c->language, c->version_scope,
                             c->description, c->n_hidden, &settings);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&comps));

  g_variant_builder_init (&pkgs, G_VARIANT_TYPE ("a" PACKAGE_TYPE));
  for (guint i = 0; i < packages->len; i++)
    {
      const UePackageDef *p = g_ptr_array_index (packages, i);
      g_variant_builder_add (&pkgs, PACKAGE_NEW, p->name, p->arch, p->version,
                             p->public_key_token, p->language, p->release_type,
                             (const char * const *) p->features);
    }
  g_variant_builder_add_value (&b, g_variant_builder_end (&pkgs));
  return g_variant_ref_sink (g_variant_builder_end (&b));
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
  u64 = GUINT64_TO_LE (payload_checksum (buf + HEADER_SIZE, size));
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

static gboolean
load_settings (UeComponentDef  *comp,
               GVariant        *array,
               GPtrArray       *by_index)
{
  gsize n = g_variant_n_children (array);

  g_ptr_array_set_size (by_index, 0);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) item = g_variant_get_child_value (array, i);
      g_autoptr(UeSettingDef) def = NULL;
      const char *name;
      gint32 parent;
      guchar kind, value_type;
      guint32 passes;

      def = ue_setting_def_new ("-", UE_SETTING_KIND_SIMPLE);
      g_free (def->xsd_type);
      g_variant_get (item, SETTING_GET, &parent, &name, &kind, &value_type, &def->xsd_type,
                     &def->enum_values, &def->has_min, &def->min, &def->has_max, &def->max,
                     &def->min_length, &def->max_length, &def->pattern, &def->default_value,
                     &passes, &def->key, &def->visible, &def->deprecated,
                     &def->display_name, &def->description, &def->applies_to);
      if (*name == '\0' || kind > UE_SETTING_KIND_LIST || value_type > UE_VALUE_TYPE_ENUM ||
          parent < -1 || parent >= (gint32) i)
        return FALSE;
      g_free (def->name);
      def->name = g_strdup (name);
      def->kind = kind;
      def->value_type = value_type;
      def->passes = passes & UE_PASS_ALL;
      if (def->enum_values != NULL && def->enum_values[0] == NULL)
        g_clear_pointer (&def->enum_values, g_strfreev);

      if (parent < 0)
        ue_component_def_add_setting (comp, def);
      else
        ue_setting_def_add_child (g_ptr_array_index (by_index, parent), def);
      g_ptr_array_add (by_index, def);   /* borrowed: owned by its parent */
    }
  return TRUE;
}

static gboolean
catalog_from_variant (UeCatalog *catalog,
                      GVariant  *root)
{
  g_autoptr(GVariant) source = g_variant_get_child_value (root, 0);
  g_autoptr(GVariant) comps = g_variant_get_child_value (root, 1);
  g_autoptr(GVariant) pkgs = g_variant_get_child_value (root, 2);
  g_autoptr(GPtrArray) by_index = g_ptr_array_new ();
  UeCatalogSource *src = ue_catalog_get_source_mutable (catalog);
  guchar kind;

  g_variant_get (source, SOURCE_TYPE, &kind, &src->path, &src->wim_guid, &src->image_index,
                 &src->image_name, &src->build, &src->arch, &src->manifests, &src->compressed,
                 &src->decoded, &src->failed);
  src->kind = kind <= UE_CATALOG_SOURCE_IMAGE ? kind : UE_CATALOG_SOURCE_FILE;

  for (gsize i = 0, n = g_variant_n_children (comps); i < n; i++)
    {
      g_autoptr(GVariant) item = g_variant_get_child_value (comps, i);
      g_autoptr(GVariant) settings = NULL;
      g_autoptr(UeComponentDef) comp = ue_component_def_new ("-", NULL);
      const char *name, *arch;

      g_variant_get (item, COMPONENT_GET, &name, &arch, &comp->version, &comp->public_key_token,
                     &comp->language, &comp->version_scope, &comp->description, &comp->n_hidden,
                     &settings);
      if (*name == '\0')
        return FALSE;
      g_free (comp->name);
      comp->name = g_strdup (name);
      g_free (comp->arch);
      comp->arch = g_strdup (arch);
      if (!load_settings (comp, settings, by_index))
        return FALSE;
      ue_catalog_add_component (catalog, comp);
    }

  for (gsize i = 0, n = g_variant_n_children (pkgs); i < n; i++)
    {
      g_autoptr(GVariant) item = g_variant_get_child_value (pkgs, i);
      g_autoptr(UePackageDef) pkg = ue_package_def_new ("-");
      const char *name;

      g_strfreev (pkg->features);
      g_variant_get (item, PACKAGE_GET, &name, &pkg->arch, &pkg->version, &pkg->public_key_token,
                     &pkg->language, &pkg->release_type, &pkg->features);
      g_free (pkg->name);
      pkg->name = g_strdup (name);
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
      g_set_error (error, UE_CATALOG_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? UE_CATALOG_ERROR_NOT_FOUND : UE_CATALOG_ERROR_FAILED,
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
  if (version > UE_CATALOG_FILE_VERSION || version == 0)
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
                   _("%s: error: the catalog file is truncated (%" G_GSIZE_FORMAT " of %" G_GUINT64_FORMAT " bytes)"),
                   path, len - HEADER_SIZE, size);
      return NULL;
    }
  if (GUINT64_FROM_LE (checksum) != payload_checksum (data + HEADER_SIZE, size))
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
