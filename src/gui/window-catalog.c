/* window-catalog.c — the main window's catalog sources: Windows images and catalog files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening an image lists its editions, asks which one when there are several, then
 * loads the cached catalog ($XDG_CACHE_HOME/unattend-editor/GUID-INDEX.catalog) or builds
 * it in a worker thread with a progress bar and Cancel, and caches the result so the
 * second open is instant.
 */
#define G_LOG_DOMAIN "unattend-editor"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "core/catalog-file.h"
#include "core/wim-source.h"
#include "image-chooser-dialog.h"
#include "window-private.h"

typedef struct
{
  UeWindow *self;
  char     *path;
  char     *guid;
  guint     index;
  char     *name;
} ImageRequest;

static void
image_request_free (ImageRequest *request)
{
  g_object_unref (request->self);
  g_free (request->path);
  g_free (request->guid);
  g_free (request->name);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImageRequest, image_request_free)

typedef struct
{
  UeWindow *self;
  guint     done;
  guint     total;
} Progress;

static gboolean
show_progress (gpointer user_data)
{
  Progress *progress = user_data;
  UeWindow *self = progress->self;
  g_autofree char *text = g_strdup_printf (_("%u of %u files"), progress->done, progress->total);

  gtk_progress_bar_set_fraction (self->build_progress,
                                 progress->total > 0 ? (double) progress->done / progress->total : 0);
  gtk_progress_bar_set_text (self->build_progress, text);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->self);
  g_free (progress);
}

/* g_main_context_invoke() may call this in the worker thread when the main loop is idle:
 * hand the numbers to the main thread, which alone may touch widgets */
static void
build_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  Progress *progress = g_new (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->done = done;
  progress->total = total;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, progress, (GDestroyNotify) progress_free);
}

static void
build_finished (UeWindow *self)
{
  g_clear_object (&self->build_cancellable);
  gtk_revealer_set_reveal_child (self->build_revealer, FALSE);
  _ue_window_update_actions (self);
}

static void
build_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ImageRequest) request = user_data;
  UeWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = ue_wim_source_build_catalog_finish (result, &error);
  g_autofree char *cache = NULL;
  g_autofree char *cache_dir = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        build_finished (self);
      return;
    }
  build_finished (self);
  if (catalog == NULL)
    {
      _ue_window_show_error (self, _("Could not read the Windows image"), error->message);
      return;
    }
  /* a cache that cannot be written only costs time on the next open */
  cache = ue_catalog_file_default_path (request->guid, request->index);
  cache_dir = g_path_get_dirname (cache);
  if (g_mkdir_with_parents (cache_dir, 0700) == 0)
    {
      g_autoptr(GError) save_error = NULL;

      if (!ue_catalog_file_save (catalog, cache, &save_error))
        g_debug ("catalog cache not written: %s", save_error->message);
    }
  _ue_window_set_catalog (self, catalog);
}

static void
load_image_index (ImageRequest *request)
{
  UeWindow *self = request->self;
  g_autofree char *cache = ue_catalog_file_default_path (request->guid, request->index);
  g_autofree char *index = g_strdup_printf ("%u", request->index);
  g_autofree char *text = NULL;
  g_autoptr(UeCatalog) cached = NULL;

  if (g_file_test (cache, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GError) error = NULL;

      cached = ue_catalog_file_load (cache, &error);
      if (cached != NULL)
        {
          _ue_window_set_catalog (self, cached);
          image_request_free (request);
          return;
        }
      /* an unreadable or foreign cache is rebuilt */
      g_debug ("catalog cache ignored: %s", error->message);
    }

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  self->build_cancellable = g_cancellable_new ();
  text = g_strdup_printf (_("Reading the catalog of %s…"), request->name != NULL ? request->name : request->path);
  gtk_label_set_text (self->build_label, text);
  gtk_progress_bar_set_fraction (self->build_progress, 0);
  gtk_progress_bar_set_text (self->build_progress, "");
  gtk_revealer_set_reveal_child (self->build_revealer, TRUE);
  _ue_window_update_actions (self);
  ue_wim_source_build_catalog_async (request->path, index, build_progress_cb, g_object_ref (self), g_object_unref,
                                     self->build_cancellable, build_done_cb, request);
}

static void
image_chosen_cb (GtkDialog    *dialog,
                 int           response,
                 ImageRequest *request)
{
  guint index = ue_image_chooser_dialog_get_index (UE_IMAGE_CHOOSER_DIALOG (dialog));

  gtk_widget_destroy (GTK_WIDGET (dialog));
  if (response != GTK_RESPONSE_OK || index == 0)
    {
      image_request_free (request);
      return;
    }
  request->index = index;
  load_image_index (request);
}

void
ue_window_load_image (UeWindow   *self,
                      const char *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autofree char *image = NULL;
  ImageRequest *request;

  g_return_if_fail (UE_IS_WINDOW (self));
  g_return_if_fail (spec != NULL);

  request = g_new0 (ImageRequest, 1);
  request->self = g_object_ref (self);
  ue_wim_source_parse_spec (spec, &request->path, &image);
  images = ue_wim_source_list_images (request->path, &request->guid, &error);
  if (images == NULL || images->len == 0 || request->guid == NULL)
    {
      g_autofree char *base = g_path_get_basename (request->path);
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), base);

      _ue_window_show_error (self, primary, error != NULL ? error->message : NULL);
      image_request_free (request);
      return;
    }

  for (guint i = 0; i < images->len; i++)
    {
      UeWimImage *candidate = g_ptr_array_index (images, i);
      g_autofree char *number = g_strdup_printf ("%u", candidate->index);

      if ((image == NULL && images->len == 1) || g_strcmp0 (image, number) == 0
          || g_strcmp0 (image, candidate->name) == 0)
        {
          request->index = candidate->index;
          request->name = g_strdup (candidate->name);
        }
    }
  if (request->index != 0)
    load_image_index (request);
  else if (image != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s: error: no image “%s”"), request->path, image);

      _ue_window_show_error (self, _("Could not open the Windows image"), message);
      image_request_free (request);
    }
  else
    {
      UeImageChooserDialog *dialog = ue_image_chooser_dialog_new (GTK_WINDOW (self), request->path, images);

      g_signal_connect (dialog, "response", G_CALLBACK (image_chosen_cb), request);
      gtk_widget_show (GTK_WIDGET (dialog));
    }
}

void
ue_window_load_catalog (UeWindow   *self,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UeCatalog) catalog = NULL;

  g_return_if_fail (UE_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  catalog = ue_catalog_file_load (path, &error);
  if (catalog == NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), base);

      _ue_window_show_error (self, primary, error->message);
      return;
    }
  _ue_window_set_catalog (self, catalog);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     UeWindow        *self)
{
  gboolean image = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "ue-image"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = gtk_file_chooser_get_filename (GTK_FILE_CHOOSER (chooser));

      if (path != NULL && image)
        ue_window_load_image (self, path);
      else if (path != NULL)
        ue_window_load_catalog (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_file (UeWindow   *self,
             gboolean    image,
             const char *title,
             const char *filter_name,
             const char *const *patterns)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "ue-image", GINT_TO_POINTER (image));
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ue_window_open_image_cb (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  static const char *const patterns[] = { "*.wim", "*.WIM", "*.esd", "*.ESD", NULL };

  choose_file (UE_WINDOW (user_data), TRUE, _("Open Windows Image"), _("Windows images"), patterns);
}

void
_ue_window_select_catalog_cb (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  static const char *const patterns[] = { "*.catalog", "*.clg", NULL };

  choose_file (UE_WINDOW (user_data), FALSE, _("Select Catalog"), _("Catalog files"), patterns);
}

void
_ue_window_cancel_catalog_cb (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
}

void
_ue_window_load_offline_image_cb (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  UeWindow *self = UE_WINDOW (user_data);
  const char *source = self->offline_source;
  g_autofree char *path = NULL;
  const char *hash;

  if (source == NULL)
    return;
  /* "wim:C:/path/install.wim#Image Name" or "catalog:/path/file.clg" */
  if (g_str_has_prefix (source, "catalog:"))
    ue_window_load_catalog (self, source + strlen ("catalog:"));
  else if (g_str_has_prefix (source, "wim:"))
    {
      hash = strchr (source, '#');
      path = hash != NULL ? g_strndup (source + 4, hash - source - 4) : g_strdup (source + 4);
      if (hash != NULL)
        {
          g_autofree char *spec = g_strdup_printf ("%s:%s", path, hash + 1);

          ue_window_load_image (self, spec);
        }
      else
        ue_window_load_image (self, path);
    }
}
