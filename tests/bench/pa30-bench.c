/* pa30-bench.c — decode throughput of compressed manifests, in MB of XML out per second
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pa30-bench BASE MANIFEST... [--seconds S]: decodes each manifest repeatedly for about
 * S seconds (default 2) and prints its size, the decodes done and the throughput, by
 * CPU time (steady on a busy machine) and by wall-clock time.
 */
#include <stdio.h>
#include <time.h>

#include "core/pa30.h"

int
main (int argc, char *argv[])
{
  double seconds = 2;
  g_autofree char *base_data = NULL;
  gsize base_len;
  g_autoptr(GBytes) base = NULL;
  int first = 2;

  if (argc >= 4 && g_str_equal (argv[argc - 2], "--seconds"))
    {
      seconds = g_ascii_strtod (argv[argc - 1], NULL);
      argc -= 2;
    }
  if (argc < 3 || !g_file_get_contents (argv[1], &base_data, &base_len, NULL))
    {
      fprintf (stderr, "usage: pa30-bench BASE MANIFEST... [--seconds S]\n");
      return 2;
    }
  base = g_bytes_new_take (g_steal_pointer (&base_data), base_len);

  for (int i = first; i < argc; i++)
    {
      g_autofree char *data = NULL;
      g_autofree char *name = g_path_get_basename (argv[i]);
      gsize len, out_len = 0;
      guint runs = 0;
      g_autoptr(GTimer) timer = NULL;
      double elapsed, cpu;
      clock_t cpu_start;

      if (!g_file_get_contents (argv[i], &data, &len, NULL))
        {
          fprintf (stderr, "%s: error: cannot read\n", argv[i]);
          return 2;
        }
      timer = g_timer_new ();
      cpu_start = clock ();
      do
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) xml = ue_dcm_decode (base, (const guint8 *) data, len, &error);

          if (xml == NULL)
            {
              fprintf (stderr, "%s: error: %s\n", argv[i], error->message);
              return 2;
            }
          out_len = g_bytes_get_size (xml);
          runs++;
        }
      while (g_timer_elapsed (timer, NULL) < seconds);
      elapsed = g_timer_elapsed (timer, NULL);
      cpu = (double) (clock () - cpu_start) / CLOCKS_PER_SEC;
      printf ("%s: %zu -> %zu bytes, %u decodes, %.3f ms CPU each: %.1f MB/s out by CPU time, "
              "%.1f MB/s by wall clock\n",
              name, len, out_len, runs, cpu * 1000 / runs,
              (double) out_len * runs / cpu / 1e6, (double) out_len * runs / elapsed / 1e6);
    }
  return 0;
}
