/* test-wim-source.c — images and catalogs from a WIM written here with libwim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <wimlib.h>

#include "core/wim-source.h"

#define N_PLAIN 300

static char *tmpdir;
static char *wim_path;

static void
copy_data_file (const char *name,
                const char *dest_dir)
{
  g_autofree char *src = g_build_filename (g_getenv ("UE_TEST_DATA"), "manifests", name, NULL);
  g_autofree char *dest = g_build_filename (dest_dir, name, NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (g_file_set_contents (dest, data, len, NULL));
}

/* One image: Shell-Setup (amd64), IE-ESC, a DCM file and N_PLAIN manifests without
 * settings, written as an XPRESS-compressed WIM with the C API. */
static void
make_wim (void)
{
  g_autofree char *root = g_build_filename (tmpdir, "tree", NULL);
  g_autofree char *manifests = g_build_filename (root, "Windows", "WinSxS", "Manifests", NULL);
  WIMStruct *wim = NULL;

  g_assert_cmpint (g_mkdir_with_parents (manifests, 0755), ==, 0);
  copy_data_file ("amd64_microsoft-windows-shell-setup_31bf3856ad364e35_6.0.6001.18000_none_0123456789abcdef.manifest", manifests);
  copy_data_file ("amd64_microsoft-windows-ie-esc_31bf3856ad364e35_8.0.6001.18000_none_1111111111111111.manifest", manifests);
  copy_data_file ("amd64_microsoft-windows-compressed_31bf3856ad364e35_10.0.26100.1_none_5555555555555555.manifest", manifests);
  for (guint i = 0; i < N_PLAIN; i++)
    {
      g_autofree char *name = g_strdup_printf ("x86_plain-%04u_31bf3856ad364e35_1.0.0.0_none_0.manifest", i);
      g_autofree char *path = g_build_filename (manifests, name, NULL);
      g_autofree char *text = g_strdup_printf ("<assembly xmlns='urn:schemas-microsoft-com:asm.v3'>"
                                               "<assemblyIdentity name='Plain-%u' processorArchitecture='x86'/>"
                                               "</assembly>", i);
      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }

  wim_path = g_build_filename (tmpdir, "test.wim", NULL);
  g_assert_cmpint (wimlib_create_new_wim (WIMLIB_COMPRESSION_TYPE_XPRESS, &wim), ==, 0);
  g_assert_cmpint (wimlib_add_image (wim, root, "Test Edition", NULL, 0), ==, 0);
  g_assert_cmpint (wimlib_set_image_property (wim, 1, "WINDOWS/ARCH", "12"), ==, 0);
  g_assert_cmpint (wimlib_write (wim, wim_path, WIMLIB_ALL_IMAGES, 0, 1), ==, 0);
  wimlib_free (wim);
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *guid = NULL;
  g_autoptr(GPtrArray) images = ue_wim_source_list_images (wim_path, &guid, &error);
  UeWimImage *image;

  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  image = g_ptr_array_index (images, 0);
  g_assert_cmpuint (image->index, ==, 1);
  g_assert_cmpstr (image->name, ==, "Test Edition");
  g_assert_cmpstr (image->arch, ==, "arm64");
  g_assert_null (image->build);
  g_assert_cmpuint (strlen (guid), ==, 32);
}

typedef struct
{
  GMainLoop  *loop;
  UeCatalog  *catalog;
  GError     *error;
  guint       calls;
  guint       last_done;
  guint       total;
  gboolean    in_order;
  GThread    *main_thread;
  gboolean    freed;
} AsyncState;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  AsyncState *state = user_data;

  /* delivered in the caller's thread, never backwards */
  g_assert_true (g_thread_self () == state->main_thread);
  if (done < state->last_done)
    state->in_order = FALSE;
  state->last_done = done;
  state->total = total;
  state->calls++;
}

static void
on_freed (gpointer user_data)
{
  g_atomic_int_set (&((AsyncState *) user_data)->freed, TRUE);
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncState *state = user_data;

  state->catalog = ue_wim_source_build_catalog_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_build_async (void)
{
  AsyncState state = { 0 };
  const UeCatalogSource *src;
  GPtrArray *components;

  state.loop = g_main_loop_new (NULL, FALSE);
  state.in_order = TRUE;
  state.main_thread = g_thread_self ();
  ue_wim_source_build_catalog_async (wim_path, "Test Edition", on_progress, &state, on_freed,
                                     NULL, on_built, &state);
  g_main_loop_run (state.loop);
  /* progress messages queued before the result are delivered too; the worker
   * thread drops its reference to the task a little after returning */
  for (guint i = 0; i < 500 && !state.freed; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }

  g_assert_no_error (state.error);
  g_assert_nonnull (state.catalog);
  g_assert_true (state.in_order);
  g_assert_cmpuint (state.calls, >=, 2);
  g_assert_cmpuint (state.total, ==, N_PLAIN + 3);
  g_assert_cmpuint (state.last_done, ==, state.total);
  g_assert_true (state.freed);

  src = ue_catalog_get_source (state.catalog);
  g_assert_cmpint (src->kind, ==, UE_CATALOG_SOURCE_IMAGE);
  g_assert_cmpstr (src->path, ==, wim_path);
  g_assert_cmpuint (src->image_index, ==, 1);
  g_assert_cmpstr (src->image_name, ==, "Test Edition");
  g_assert_cmpstr (src->arch, ==, "arm64");
  g_assert_cmpuint (src->manifests, ==, N_PLAIN + 3);
  g_assert_cmpuint (src->compressed, ==, 1);
  g_assert_cmpuint (src->failed, ==, 0);
  components = ue_catalog_get_components (state.catalog);
  g_assert_cmpuint (components->len, ==, 2);
  g_assert_nonnull (ue_catalog_find_component (state.catalog, "Microsoft-Windows-IE-ESC", "amd64"));
  g_assert_nonnull (ue_component_def_lookup (ue_catalog_find_component (state.catalog, "Microsoft-Windows-Shell-Setup", NULL),
                                             "OOBE/ProtectYourPC"));

  g_object_unref (state.catalog);
  g_main_loop_unref (state.loop);
}

static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = NULL;

  g_cancellable_cancel (cancellable);
  catalog = ue_wim_source_build_catalog (wim_path, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (catalog);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
expect_error (const char *path,
              const char *image,
              gint        code,
              const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = ue_wim_source_build_catalog (path, image, NULL, NULL, NULL, &error);

  g_assert_null (catalog);
  g_assert_error (error, UE_WIM_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” lacks “%s”", error->message, fragment);
}

static void
test_errors (void)
{
  g_autofree char *missing = g_build_filename (tmpdir, "missing.wim", NULL);
  g_autofree char *text = g_build_filename (tmpdir, "text.wim", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "empty.wim", NULL);
  g_autofree char *nowin = g_build_filename (tmpdir, "nowin.wim", NULL);
  g_autofree char *data = NULL;
  WIMStruct *wim = NULL;
  gsize len;

  expect_error (missing, NULL, UE_WIM_ERROR_NOT_FOUND, "no such file");
  g_assert_true (g_file_set_contents (text, "short text", -1, NULL));
  expect_error (text, NULL, UE_WIM_ERROR_NOT_A_WIM, "not a WIM");
  g_assert_true (g_file_set_contents (text, "MSWIM\0\0\0 and nothing else", 25, NULL));
  expect_error (text, NULL, UE_WIM_ERROR_TRUNCATED, "truncated");
  expect_error (tmpdir, NULL, UE_WIM_ERROR_NOT_A_WIM, "a folder");
  expect_error (wim_path, "2", UE_WIM_ERROR_NO_SUCH_IMAGE, "there is no image 2 (the file holds 1 image)");
  expect_error (wim_path, "Other Edition", UE_WIM_ERROR_NO_SUCH_IMAGE, "“Other Edition”");

  /* a truncated copy: the blob table and XML at the end are gone */
  g_assert_true (g_file_get_contents (wim_path, &data, &len, NULL));
  g_assert_true (g_file_set_contents (empty, data, len - 200, NULL));
  expect_error (empty, NULL, UE_WIM_ERROR_TRUNCATED, "truncated or damaged");

  /* a WIM of something else than Windows */
  g_assert_cmpint (wimlib_create_new_wim (WIMLIB_COMPRESSION_TYPE_NONE, &wim), ==, 0);
  g_assert_cmpint (wimlib_add_empty_image (wim, "Blank", NULL), ==, 0);
  g_assert_cmpint (wimlib_write (wim, nowin, WIMLIB_ALL_IMAGES, 0, 1), ==, 0);
  wimlib_free (wim);
  expect_error (nowin, NULL, UE_WIM_ERROR_NOT_WINDOWS, "not a Windows image");
}

static void
test_parse_spec (void)
{
  static const struct { const char *spec, *path, *image; } cases[] = {
    { "install.wim", "install.wim", NULL },
    { "install.wim:2", "install.wim", "2" },
    { "/a/b/install.esd:Windows Server 2008 SERVERSTANDARD", "/a/b/install.esd", "Windows Server 2008 SERVERSTANDARD" },
    { "install.wim:", "install.wim:", NULL },
    { ":2", ":2", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL, *image = NULL;
      ue_wim_source_parse_spec (cases[i].spec, &path, &image);
      g_assert_cmpstr (path, ==, cases[i].path);
      g_assert_cmpstr (image, ==, cases[i].image);
    }
  /* an existing file whose name holds a colon is taken whole */
  {
    g_autofree char *odd = g_build_filename (tmpdir, "odd:1", NULL);
    g_autofree char *path = NULL, *image = NULL;
    g_assert_true (g_file_set_contents (odd, "", 0, NULL));
    ue_wim_source_parse_spec (odd, &path, &image);
    g_assert_cmpstr (path, ==, odd);
    g_assert_null (image);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;
  const char *rm[] = { "rm", "-rf", NULL, NULL };

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ue-wim-source-XXXXXX", NULL);
  make_wim ();

  g_test_add_func ("/core/wim-source/list", test_list);
  g_test_add_func ("/core/wim-source/build-async", test_build_async);
  g_test_add_func ("/core/wim-source/cancel", test_cancel);
  g_test_add_func ("/core/wim-source/errors", test_errors);
  g_test_add_func ("/core/wim-source/parse-spec", test_parse_spec);
  ret = g_test_run ();

  rm[2] = tmpdir;
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (wim_path);
  g_free (tmpdir);
  return ret;
}
