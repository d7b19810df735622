/* autosave-bench.c — how long the editor's once-a-minute autosave holds the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: autosave-bench FILE... — for each answer file: load it, make one edit (as the
 * autosave only runs for modified documents), then print the best of 5 of serializing the
 * document and of the whole ue_autosave_write (serialize + two atomic writes), in ms.
 * The autosave runs on the main thread: this is the pause a user could notice.
 */
#include <glib/gstdio.h>

#include "core/autosave.h"

#define EDIT_PATH "specialize/Microsoft-Windows-IE-ESC/IEHardenAdmin"

static double
best_of_5 (UeAnswerDoc *doc,
           const char  *dir,
           gboolean     write)
{
  double best = G_MAXDOUBLE;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      if (write)
        {
          if (!ue_autosave_write (dir, "bench", doc, NULL, &error))
            g_error ("%s", error->message);
        }
      else
        g_bytes_unref (ue_answer_doc_to_bytes (doc));
      best = MIN (best, (g_get_monotonic_time () - t0) / 1e3);
    }
  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("ue-autosave-bench-XXXXXX", NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE...\n", argv[0]);
      return 2;
    }
  g_print ("%-40s %12s %12s %12s\n", "file", "bytes", "serialize ms", "autosave ms");
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UeAnswerDoc) doc = ue_answer_doc_new_from_file (argv[i], &error);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = g_path_get_basename (argv[i]);

      if (doc == NULL)
        g_error ("%s", error->message);
      if (!ue_answer_doc_set_path_value (doc, EDIT_PATH, NULL, "false", &error))
        g_error ("%s", error->message);
      bytes = ue_answer_doc_to_bytes (doc);
      g_print ("%-40s %12zu %12.2f %12.2f\n", name, g_bytes_get_size (bytes),
               best_of_5 (doc, dir, FALSE), best_of_5 (doc, dir, TRUE));
    }
  ue_autosave_remove (dir, "bench", NULL);
  g_rmdir (dir);
  return 0;
}
