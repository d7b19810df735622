/* wim-source.h — images of a WIM/ESD and the catalog of one image (libwim)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call opens its own WIMStruct (libwim's handles are not thread-safe), so the
 * functions may run in any thread. Building reads the .manifest files of Windows/WinSxS/Manifests
 * and the .mum files of Windows/servicing/Packages straight from the WIM resources,
 * keeps the manifests that have a configuration schema and parses them.
 */
#pragma once

#include <gio/gio.h>

#include "catalog.h"

G_BEGIN_DECLS

#define UE_WIM_ERROR (ue_wim_error_quark ())
typedef enum
{
  UE_WIM_ERROR_NOT_FOUND,       /* no such file */
  UE_WIM_ERROR_NOT_A_WIM,       /* the file is not a WIM or ESD */
  UE_WIM_ERROR_TRUNCATED,       /* the file ends early or its tables are damaged */
  UE_WIM_ERROR_NO_SUCH_IMAGE,   /* index out of range or no image of that name */
  UE_WIM_ERROR_NOT_WINDOWS,     /* the image has no Windows/WinSxS/Manifests */
  UE_WIM_ERROR_FAILED,
} UeWimError;
GQuark ue_wim_error_quark (void);

/* One image (edition) of a WIM, from the XML blob in its header. */
typedef struct
{
  guint  index;          /* 1-based */
  char  *name;
  char  *description;    /* or NULL */
  char  *edition;        /* WINDOWS/EDITIONID, e.g. "ServerEnterprise", or NULL */
  char  *arch;           /* "x86", "amd64", "arm64", … or NULL */
  char  *version;        /* "6.0.6001.18000" or NULL */
  char  *build;          /* "6001" or NULL */
} UeWimImage;

void        ue_wim_image_free           (UeWimImage  *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeWimImage, ue_wim_image_free)

/* Returns (element-type UeWimImage) (transfer full); wim_guid (out, optional):
 * the WIM's GUID as 32 lowercase hex digits. */
GPtrArray  *ue_wim_source_list_images   (const char  *path,
                                         char       **wim_guid,
                                         GError     **error);

/* Splits "install.wim:3" or "install.esd:Windows Server 2008 SERVERSTANDARD" into the
 * file and the image; a spec naming an existing file is taken whole (image NULL). */
void        ue_wim_source_parse_spec    (const char  *spec,
                                         char       **path,
                                         char       **image);

/* Called with done of total files read; from the building thread for the
 * synchronous call, in the caller's main context for the async one. */
typedef void (*UeWimProgressFunc) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/* image: an index ("2"), an image name, or NULL for the first image. Returns the
 * catalog (transfer full), its source filled in (kind IMAGE). Blocks: call it in a
 * worker thread, or use the _async variant. */
UeCatalog  *ue_wim_source_build_catalog (const char         *path,
                                         const char         *image,
                                         UeWimProgressFunc   progress,
                                         gpointer            user_data,
                                         GCancellable       *cancellable,
                                         GError            **error);

/* progress_data_free runs once the task is done with it, possibly in a worker thread */
void        ue_wim_source_build_catalog_async  (const char          *path,
                                                const char          *image,
                                                UeWimProgressFunc    progress,
                                                gpointer             progress_data,
                                                GDestroyNotify       progress_data_free,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
UeCatalog  *ue_wim_source_build_catalog_finish (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
