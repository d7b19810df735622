/* doc-test-util.h — answer files in memory for the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/answer-doc.h"

G_BEGIN_DECLS

/* a document from text that must load; name is what messages call the file */
UeAnswerDoc *ue_test_doc_load_named (const char  *text,
                                     const char  *name);
/* the same, called "test.xml" */
UeAnswerDoc *ue_test_doc_load       (const char  *text);
/* the document's bytes as it would be saved now */
char        *ue_test_doc_dump       (UeAnswerDoc *doc);

G_END_DECLS
