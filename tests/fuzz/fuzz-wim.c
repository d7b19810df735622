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
 * asks malloc for any size a damaged image claims (12 GB seen; untouched, so harmless
 * with overcommit): libFuzzer's malloc limit is raised, ASan refuses such blocks.
 */
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz-common.h"
#include "core/wim-source.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
const char *__asan_default_options (void);

/* libwim asks malloc for whatever size a damaged image claims and handles NULL. glibc
 * hands out such blocks lazily; ASan maps shadow memory for them (2 GB of RSS for a
 * 16 GB block) or aborts: above 1 GB it returns NULL here, and libwim's error path runs */
const char *
__asan_default_options (void)
{
  return "allocator_may_return_null=1:max_allocation_size_mb=1024";
}

static char *path;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *dir = NULL;

  fuzz_init_logging ();
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
