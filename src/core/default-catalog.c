/* default-catalog.c — the embedded default catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog used when no image is loaded. Its sources are component manifests in the
 * shape of real Windows ones (data/catalog/, written by tools/catalog-from-facts.py and
 * compiled into the core GResource), so they go through the same manifest reader as an
 * image. One embedded manifest lists every architecture the component exists for in
 * processorArchitecture; it becomes one UeComponentDef per architecture, all sharing the
 * same immutable setting defs.
 */
#define G_LOG_DOMAIN "ue-core"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "manifest-reader.h"

#define CATALOG_RESOURCE_DIR "/org/unattendeditor/core/catalog/"

static void
add_per_architecture (UeCatalog      *catalog,
                      UeComponentDef *def)
{
  g_auto(GStrv) archs = g_strsplit_set (def->arch != NULL ? def->arch : "", " \t\r\n", -1);

  for (guint i = 0; archs[i] != NULL; i++)
    {
      g_autoptr(UeComponentDef) clone = NULL;

      if (*archs[i] == '\0')
        continue;
      clone = ue_component_def_new (def->name, archs[i]);
      clone->version = g_strdup (def->version);
      clone->public_key_token = g_strdup (def->public_key_token);
      clone->language = g_strdup (def->language);
      clone->version_scope = g_strdup (def->version_scope);
      clone->description = g_strdup (def->description);
      clone->n_hidden = def->n_hidden;
      for (guint j = 0; j < def->settings->len; j++)
        ue_component_def_add_setting (clone, g_ptr_array_index (def->settings, j));
      ue_catalog_add_component (catalog, clone);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static UeCatalog *
load_embedded (void)
{
  UeCatalog *catalog = ue_catalog_new (UE_CATALOG_SOURCE_EMBEDDED);
  UeCatalogSource *source = ue_catalog_get_source_mutable (catalog);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (CATALOG_RESOURCE_DIR, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    {
      /* a program built without the core resources: an empty catalog, not a crash */
      g_debug ("no embedded catalog: %s", error->message);
      return catalog;
    }
  /* resource order is a hash order; a fixed order keeps "replaces the first" stable */
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(UeComponentDef) def = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize len;
      const char *data;

      if (!g_str_has_suffix (names[i], ".manifest"))
        continue;
      source->manifests++;
      path = g_strconcat (CATALOG_RESOURCE_DIR, names[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
      if (bytes != NULL)
        {
          data = g_bytes_get_data (bytes, &len);
          def = ue_manifest_read_component (data, len, path, &local_error);
        }
      if (def == NULL)
        {
          /* counted in source->failed, which the tests require to be zero */
          g_debug ("%s", local_error->message);
          source->failed++;
          continue;
        }
      add_per_architecture (catalog, def);
    }
  /* sorts now, so that readers on other threads never trigger the lazy sort */
  ue_catalog_get_components (catalog);
  ue_catalog_get_packages (catalog);
  return catalog;
}

/**
 * ue_catalog_get_default:
 *
 * The embedded default catalog, loaded on first use (thread-safe) and shared.
 *
 * Returns: (transfer full): the catalog
 */
UeCatalog *
ue_catalog_get_default (void)
{
  static UeCatalog *default_catalog;

  if (g_once_init_enter (&default_catalog))
    g_once_init_leave (&default_catalog, load_embedded ());
  return g_object_ref (default_catalog);
}
