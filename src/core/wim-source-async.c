/* wim-source-async.c — building an image's catalog in a worker thread (GTask)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs ue_wim_source_build_catalog in a thread of GTask's pool (it opens its own
 * WIMStruct there) and carries its progress back to the caller's main context.
 */
#define G_LOG_DOMAIN "ue-core"

#include "wim-source.h"

typedef struct
{
  char              *path;
  char              *image;
  UeWimProgressFunc  progress;
  gpointer           progress_data;
  GDestroyNotify     progress_data_free;
  GMainContext      *context;
} AsyncData;

typedef struct
{
  GTask *task;   /* keeps AsyncData alive until the message is delivered */
  guint  done;
  guint  total;
} ProgressMessage;

static void
async_data_free (AsyncData *data)
{
  g_free (data->path);
  g_free (data->image);
  if (data->progress_data_free != NULL)
    data->progress_data_free (data->progress_data);
  g_main_context_unref (data->context);
  g_free (data);
}

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressMessage *msg = user_data;
  AsyncData *data = g_task_get_task_data (msg->task);

  data->progress (msg->done, msg->total, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_message_free (ProgressMessage *msg)
{
  g_object_unref (msg->task);
  g_free (msg);
}

static void
forward_progress (guint    done,
                  guint    total,
                  gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *data = g_task_get_task_data (task);
  ProgressMessage *msg = g_new0 (ProgressMessage, 1);
  GSource *source = g_idle_source_new ();

  /* not g_main_context_invoke: it would call back in this thread whenever the
   * caller's context happens to be free */
  msg->task = g_object_ref (task);
  msg->done = done;
  msg->total = total;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress, msg, (GDestroyNotify) progress_message_free);
  g_source_set_static_name (source, "[unattend-editor] catalog build progress");
  g_source_attach (source, data->context);
  g_source_unref (source);
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;
  UeCatalog *catalog;

  catalog = ue_wim_source_build_catalog (data->path, data->image,
                                         data->progress ? forward_progress : NULL, task,
                                         cancellable, &error);
  if (catalog == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, catalog, g_object_unref);
}

void
ue_wim_source_build_catalog_async (const char          *path,
                                   const char          *image,
                                   UeWimProgressFunc    progress,
                                   gpointer             progress_data,
                                   GDestroyNotify       progress_data_free,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (AsyncData, 1);
  data->path = g_strdup (path);
  data->image = g_strdup (image);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_free = progress_data_free;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ue_wim_source_build_catalog_async);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, build_in_thread);
}

UeCatalog *
ue_wim_source_build_catalog_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, ue_wim_source_build_catalog_async), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
