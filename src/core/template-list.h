/* template-list.h — the answer-file templates shipped in the core GResource, and baselines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template or a baseline opens as an untitled copy: the document has no path, so
 * saving it asks for a name and never overwrites the file it came from.
 */
#pragma once

#include "answer-doc.h"

G_BEGIN_DECLS

#define UE_TEMPLATE_ERROR (ue_template_error_quark ())
typedef enum
{
  UE_TEMPLATE_ERROR_NOT_FOUND,   /* no template of that name */
  UE_TEMPLATE_ERROR_FAILED,      /* the index or a template in the resource is unreadable */
} UeTemplateError;
GQuark ue_template_error_quark (void);

typedef struct
{
  char *name;         /* "server2008-sysprep": no spaces, what `new --template` takes */
  char *title;        /* one line, translated */
  char *description;  /* a sentence or two, translated; "" when the index has none */
} UeTemplateInfo;

void            ue_template_info_free   (UeTemplateInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UeTemplateInfo, ue_template_info_free)

/**
 * ue_template_list:
 * @error: set when the index in the resource cannot be read
 *
 * Returns: (transfer full) (element-type UeTemplateInfo): the templates in the order
 *   they are offered, or %NULL on error
 */
GPtrArray      *ue_template_list        (GError        **error);

/**
 * ue_template_new_document:
 * @name: a template name from ue_template_list()
 *
 * Returns: (transfer full): a new untitled document holding the template; passwords
 *   are hidden on save as in any new document
 */
UeAnswerDoc    *ue_template_new_document (const char    *name,
                                          GError       **error);

/**
 * ue_template_open_baseline:
 * @path: any answer file
 *
 * Loads @path as an untitled copy (no path, not modified), so that saving it cannot
 * overwrite the baseline. Its hide-sensitive-data setting follows the file.
 *
 * Returns: (transfer full): the document, or %NULL with @error set (the document's
 *   own "FILE:LINE:COL: error: …" messages)
 */
UeAnswerDoc    *ue_template_open_baseline (const char   *path,
                                          GError       **error);

G_END_DECLS
