/* default-catalog.c — the embedded default catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Placeholder until data/catalog/ is compiled in (issue 5): an empty embedded catalog.
 */
#define G_LOG_DOMAIN "ue-core"

#include "catalog.h"

UeCatalog *
ue_catalog_get_default (void)
{
  static UeCatalog *default_catalog;

  if (g_once_init_enter (&default_catalog))
    g_once_init_leave (&default_catalog, ue_catalog_new (UE_CATALOG_SOURCE_EMBEDDED));
  return g_object_ref (default_catalog);
}
