/* fuzz-wim.c — libFuzzer target: image listing and catalog build on a mutated WIM/ESD
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-corpus: tests/fuzz/seeds-wim
 * fuzz-args: -malloc_limit_mb=65536
 *
 * Seeds: a small XPRESS WIM and a solid LZMS ESD with a few manifests under
 * Windows/WinSxS/Manifests. The bytes go to a file (libwim reads files); listing and
 * building give a result or a UE_WIM_ERROR with a message, never a crash. libwim itself
 * asks malloc for any size a damaged header claims (12 GB seen; untouched, so harmless
 * with overcommit): the malloc limit is raised, the RSS limit still holds.
 */
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/wim-source.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
const char *__asan_default_options (void);

/* libwim asks malloc for whatever size a damaged header claims and handles NULL, as
 * glibc returns it; ASan's default is to abort on such a request instead */
const char *
__asan_default_options (void)
{
  return "allocator_may_return_null=1";
}

static char *path;

static GLogWriterOutput
abort_on_fatal (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *dir = NULL;

  g_log_set_writer_func (abort_on_fatal, NULL, NULL);
  /* in memory when possible: a disk would make every run wait for it */
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    dir = g_mkdtemp (g_strdup ("/dev/shm/ue-fuzz-wim-XXXXXX"));
  if (dir == NULL)
    dir = g_dir_make_tmp ("ue-fuzz-wim-XXXXXX", NULL);
  path = g_build_filename (dir, "image.wim", NULL);
  return 0;
}

static void
check_error (GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(UeCatalog) catalog = NULL;
  g_autofree char *guid = NULL;

  if (size > 64 * 1024)
    return -1;
  if (!g_file_set_contents_full (path, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    abort ();
  images = ue_wim_source_list_images (path, &guid, &error);
  if (images == NULL)
    {
      check_error (error);
      return 0;
    }
  catalog = ue_wim_source_build_catalog (path, "1", NULL, NULL, NULL, &error);
  if (catalog == NULL)
    check_error (error);
  return 0;
}
