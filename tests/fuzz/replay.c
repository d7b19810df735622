/* replay.c — runs a libFuzzer target's checks over files, as an ordinary test program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with one fuzz-*.c (built by gcc in the normal build, and under ASan/UBSan in the
 * sanitizer build), it feeds every file of the folders named on the command line to
 * LLVMFuzzerTestOneInput: the seeds and every crash the fuzzer ever found stay fixed.
 * Output is TAP; a failing input aborts with the target's own message.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
collect_files (const char *dir,
               GPtrArray  *files)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect_files (path, files);
          g_free (path);
        }
      else
        g_ptr_array_add (files, path);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    collect_files (argv[i], files);
  g_ptr_array_sort (files, compare_paths);
  printf ("1..%u\n", files->len);
  if (files->len == 0)
    {
      printf ("# no input found\n");
      return 1;
    }
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      if (!g_file_get_contents (files->pdata[i], &data, &len, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, (char *) files->pdata[i], error->message);
          continue;
        }
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
      printf ("ok %u - %s\n", i + 1, (char *) files->pdata[i]);
    }
  return 0;
}
