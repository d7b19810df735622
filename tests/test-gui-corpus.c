/* test-gui-corpus.c — every answer file of the test corpus through the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens each file of tests/data/answer, selects every node the Answer File tree shows
 * (which builds the Properties pane's editors and marks the XML), and checks that nothing
 * raised a critical (G_DEBUG=fatal-criticals) and that opening and selecting changed
 * nothing: the window's document writes what the same file read without a window writes.
 */
#define G_LOG_DOMAIN "test-gui-corpus"

#include <gtk/gtk.h>

#include "window-private.h"

static void
drain (void)
{
  while (gtk_events_pending ())
    gtk_main_iteration ();
}

static guint
select_all (UeWindow *window,
            UeNode   *node)
{
  guint n = 0;

  for (; node != NULL; node = ue_node_get_next (node))
    {
      if (ue_answer_view_select_node (window->answer_view, node))
        {
          UeNode *selected = ue_answer_view_get_selected (window->answer_view);

          /* a repeated pass shares one "N pass" row, which stands for its first element */
          if (ue_node_get_kind (node) == UE_NODE_KIND_PASS)
            {
              g_autofree char *want = ue_node_dup_attribute (node, "pass");
              g_autofree char *got = ue_node_dup_attribute (selected, "pass");

              g_assert_cmpstr (got, ==, want);
            }
          else
            g_assert_true (selected == node);
          n++;
        }
      n += select_all (window, ue_node_get_first_child (node));
    }
  return n;
}

static void
test_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UeAnswerDoc) plain = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  UeWindow *window;
  gint64 start = g_get_monotonic_time ();
  guint selected;

  plain = ue_answer_doc_new_from_file (path, NULL);
  g_assert_nonnull (plain);
  expected = ue_answer_doc_to_bytes (plain);
  window = g_object_new (UE_TYPE_WINDOW, NULL);
  ue_window_open_file (window, file);
  drain ();
  g_assert_cmpstr (ue_answer_doc_get_path (window->doc), ==, path);
  selected = select_all (window, ue_answer_doc_get_root (window->doc));
  drain ();
  g_test_message ("%s: %u nodes selected in %.0f ms", path, selected,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_false (ue_answer_doc_get_modified (window->doc));
  written = ue_answer_doc_to_bytes (window->doc);
  g_assert_true (g_bytes_equal (written, expected));
  gtk_widget_destroy (GTK_WIDGET (window));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  gtk_test_init (&argc, &argv, NULL);
  dir = g_build_filename (g_getenv ("UE_TEST_DATA"), "answer", NULL);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/gui/corpus/%s", file);

      g_test_add_data_func_full (test_path, g_build_filename (dir, file, NULL), test_file, g_free);
    }
  return g_test_run ();
}
