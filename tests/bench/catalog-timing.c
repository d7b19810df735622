/* catalog-timing.c — in-process timing of catalog build, save and load (for catalog-bench.sh)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: catalog-timing WIM[:N] CATALOG — prints "build S", "save S", "load S" (best of 3),
 * without the start-up of a process that the CLI timings include.
 */
#include "core/catalog-file.h"
#include "core/wim-source.h"

static double
best_of_3 (gboolean  build,
           const char *path,
           const char *image,
           const char *catalog_path)
{
  double best = G_MAXDOUBLE;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UeCatalog) catalog = NULL;
      gint64 t0 = g_get_monotonic_time ();

      catalog = build ? ue_wim_source_build_catalog (path, image, NULL, NULL, NULL, &error)
                      : ue_catalog_file_load (catalog_path, &error);
      if (catalog == NULL)
        g_error ("%s", error->message);
      best = MIN (best, (g_get_monotonic_time () - t0) / 1e6);
    }
  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL, *image = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  gint64 t0;

  if (argc != 3)
    {
      g_printerr ("usage: catalog-timing WIM[:N] CATALOG\n");
      return 2;
    }
  ue_wim_source_parse_spec (argv[1], &path, &image);
  g_print ("build %.4f\n", best_of_3 (TRUE, path, image, NULL));
  catalog = ue_wim_source_build_catalog (path, image, NULL, NULL, NULL, &error);
  t0 = g_get_monotonic_time ();
  if (catalog == NULL || !ue_catalog_file_save (catalog, argv[2], &error))
    g_error ("%s", error->message);
  g_print ("save %.4f\n", (g_get_monotonic_time () - t0) / 1e6);
  g_print ("load %.4f\n", best_of_3 (FALSE, NULL, NULL, argv[2]));
  return 0;
}
