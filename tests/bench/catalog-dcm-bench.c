/* catalog-dcm-bench.c — catalog build time of an image whose manifests are compressed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * catalog-dcm-bench VECTOR_DIR [N]: writes two LZX images of N manifests (default
 * 20,000) and times ue_wim_source_build_catalog on each: one where 95 % are compressed
 * (the small real vectors, made unique through their unused time stamp) with a
 * wcp.dll, and the same manifests stored decoded (made unique by a trailing comment).
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <wimlib.h>

#include "core/pa30.h"
#include "core/wim-source.h"
#include "dcm-test-util.h"

#define MAX_VECTOR_IN 5000    /* leaves out the 96 KB and 3.2 MB outputs: not typical */

static void
put (const char *dir, const char *name, const void *data, gsize len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  if (!g_file_set_contents (path, data, len, NULL))
    g_error ("cannot write %s", path);
}

static void
capture (const char *root, const char *wim_path)
{
  WIMStruct *wim = NULL;

  if (wimlib_create_new_wim (WIMLIB_COMPRESSION_TYPE_LZX, &wim) != 0
      || wimlib_add_image (wim, root, "Bench", NULL, 0) != 0
      || wimlib_write (wim, wim_path, WIMLIB_ALL_IMAGES, 0, 2) != 0)
    g_error ("cannot write %s", wim_path);
  wimlib_free (wim);
}

static void
time_build (const char *label, const char *wim_path)
{
  double best_wall = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE;
  const UeCatalogSource *src = NULL;
  g_autoptr(UeCatalog) catalog = NULL;

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GTimer) timer = g_timer_new ();
      g_autoptr(GError) error = NULL;
      clock_t cpu = clock ();

      g_clear_object (&catalog);
      catalog = ue_wim_source_build_catalog (wim_path, NULL, NULL, NULL, NULL, &error);
      if (catalog == NULL)
        g_error ("%s", error->message);
      best_wall = MIN (best_wall, g_timer_elapsed (timer, NULL));
      best_cpu = MIN (best_cpu, (double) (clock () - cpu) / CLOCKS_PER_SEC);
    }
  src = ue_catalog_get_source (catalog);
  printf ("%-12s %u manifests, %u compressed, %u decoded, %u failed: %.2f s CPU, %.2f s wall (best of 3)\n",
          label, src->manifests, src->compressed, src->decoded, src->failed, best_cpu, best_wall);
}

int
main (int argc, char *argv[])
{
  guint n = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20000;
  g_autofree char *tmp = g_dir_make_tmp ("ue-dcm-bench-XXXXXX", NULL);
  g_autofree char *dcm_root = g_build_filename (tmp, "dcm", NULL);
  g_autofree char *xml_root = g_build_filename (tmp, "xml", NULL);
  g_autofree char *dcm_dir = g_build_filename (dcm_root, "Windows", "WinSxS", "Manifests", NULL);
  g_autofree char *xml_dir = g_build_filename (xml_root, "Windows", "WinSxS", "Manifests", NULL);
  g_autofree char *dcm_wim = g_build_filename (tmp, "dcm.wim", NULL);
  g_autofree char *xml_wim = g_build_filename (tmp, "xml.wim", NULL);
  g_autofree char *base_path = NULL;
  g_autoptr(GPtrArray) patches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) xmls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) base = NULL, dll = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *command = NULL;
  const char *name;
  char *data;
  gsize len, xml_bytes = 0;

  if (argc < 2 || tmp == NULL)
    {
      fprintf (stderr, "usage: catalog-dcm-bench VECTOR_DIR [N]\n");
      return 2;
    }
  base_path = g_build_filename (argv[1], "base_manifest.bin", NULL);
  if (!g_file_get_contents (base_path, &data, &len, NULL) || (dir = g_dir_open (argv[1], 0, NULL)) == NULL)
    {
      fprintf (stderr, "%s: error: no test vectors there\n", argv[1]);
      return 2;
    }
  base = g_bytes_new_take (data, len);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autoptr(GBytes) patch = NULL;

      if (!g_str_has_suffix (name, ".manifest") || !g_file_get_contents (path, &data, &len, NULL))
        continue;
      patch = g_bytes_new_take (data, len);
      if (len > MAX_VECTOR_IN)
        continue;
      g_ptr_array_add (xmls, ue_dcm_decode (base, g_bytes_get_data (patch, NULL), len, NULL));
      g_ptr_array_add (patches, g_steal_pointer (&patch));
    }
  g_assert (patches->len > 0);

  for (guint i = 0; i < n; i++)
    {
      guint k = i % patches->len;
      g_autofree char *file = g_strdup_printf ("amd64_bench-%05u_31bf3856ad364e35_10.0.0.0_none_0.manifest", i);
      GBytes *xml = g_ptr_array_index (xmls, k);
      g_autofree char *comment = g_strdup_printf ("\r\n<!-- %u -->", i);
      g_autofree guint8 *plain = g_malloc (g_bytes_get_size (xml) + strlen (comment));

      memcpy (plain, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
      memcpy (plain + g_bytes_get_size (xml), comment, strlen (comment));
      put (xml_dir, file, plain, g_bytes_get_size (xml) + strlen (comment));
      xml_bytes += g_bytes_get_size (xml);
      if (i % 20 == 0)   /* 5 % stored plain in both images */
        put (dcm_dir, file, plain, g_bytes_get_size (xml) + strlen (comment));
      else
        {
          /* bytes 8-15 ("DCM\x01PA30" then the time stamp) are not used by decoding */
          g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (g_ptr_array_index (patches, k), NULL),
                                               g_bytes_get_size (g_ptr_array_index (patches, k)));
          memcpy (copy + 8, &i, sizeof i);
          put (dcm_dir, file, copy, g_bytes_get_size (g_ptr_array_index (patches, k)));
        }
    }
  dll = ue_test_pe_build (UE_TEST_PE_32_PLUS, UE_TEST_PE_WITH_RESOURCE, 614, 1, base);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sys32 = g_build_filename (i ? xml_root : dcm_root, "Windows", "System32", NULL);
      put (sys32, "wcp.dll", g_bytes_get_data (dll, NULL), g_bytes_get_size (dll));
    }
  capture (dcm_root, dcm_wim);
  capture (xml_root, xml_wim);
  printf ("%u manifests, %.1f MB of XML (%u kinds of real manifest)\n", n, xml_bytes / 1e6, patches->len);
  time_build ("compressed:", dcm_wim);
  time_build ("plain:", xml_wim);

  command = g_strdup_printf ("rm -rf '%s'", tmp);
  return system (command) == 0 ? 0 : 1;
}
