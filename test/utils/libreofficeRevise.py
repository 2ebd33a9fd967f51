#!/usr/bin/python3
"""Revises a .docx in LibreOffice the way a department would in Word: with 修订 (RecordChanges) on,
replaces, inserts and deletes words, adds comments (annotations) with an author, and saves the
file as "MS Word 2007 XML". Used by test/server/import/wordReturn.test.ts.

usage: libreofficeRevise.py IN.docx OUT.docx EDITS.json PROFILE_DIR
EDITS.json: {"author": "张三（基教科）",
             "edits": [{"kind": "replace"|"insert-after"|"delete", "find": "words", "text": "new words"}],
             "comments": [{"find": "words", "text": "comment", "author": "李四"}]}
Every "find" must occur exactly once in the document (else exit 3, naming it).
"""
import json
import os
import socket
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def connect(port, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    url = f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext'
    # LibreOffice takes a few seconds to open its socket; polls until it answers or has exited.
    for _ in range(600):
        if proc.poll() is not None:
            sys.exit(f'soffice exited early with code {proc.returncode}')
        try:
            return resolver.resolve(url)
        except Exception:
            time.sleep(0.1)
    sys.exit('soffice did not answer within 60 s')


def now():
    """The current time as a UNO DateTime (an annotation without one brings LibreOffice down)."""
    t = time.localtime()
    dt = uno.createUnoStruct('com.sun.star.util.DateTime')
    dt.Year, dt.Month, dt.Day, dt.Hours, dt.Minutes, dt.Seconds = t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec
    return dt


def find_once(text, words):
    """A cursor selecting the words, which must occur exactly once in the document's paragraphs.
    Searched paragraph by paragraph: a document without a view has no working search."""
    hits = []
    paragraphs = text.createEnumeration()
    while paragraphs.hasMoreElements():
        p = paragraphs.nextElement()
        if not p.supportsService('com.sun.star.text.Paragraph'):
            continue
        s = p.getString()
        at = s.find(words)
        while at >= 0:
            hits.append((p, at))
            at = s.find(words, at + 1)
    if len(hits) != 1:
        print(f'"{words}" occurs {len(hits)} times, expected once', file=sys.stderr)
        sys.exit(3)
    p, at = hits[0]
    cursor = text.createTextCursorByRange(p.getStart())
    cursor.goRight(at, False)
    cursor.goRight(len(words), True)
    return cursor


def main():
    src, out, edits_path, profile = sys.argv[1:5]
    spec = json.load(open(edits_path, encoding='utf-8'))
    port = free_port()
    proc = subprocess.Popen([
        'soffice', '--headless', '--invisible', '--nologo', '--norestore', '--nodefault',
        f'-env:UserInstallation=file://{os.path.abspath(profile)}',
        f'--accept=socket,host=127.0.0.1,port={port};urp;',
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = connect(port, proc)
        smgr = ctx.ServiceManager
        # The author of recorded changes is the user's name in LibreOffice's settings.
        config = smgr.createInstanceWithContext('com.sun.star.configuration.ConfigurationProvider', ctx)
        access = config.createInstanceWithArguments('com.sun.star.configuration.ConfigurationUpdateAccess', (prop('nodepath', '/org.openoffice.UserProfile/Data'),))
        access.setPropertyValue('givenname', spec['author'])
        access.setPropertyValue('sn', '')
        access.commitChanges()
        desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        # A document model without a view: in a view, headless LibreOffice without its UI files
        # (libreoffice-writer-nogui) aborts drawing the comment sidebar as soon as a comment exists.
        doc = smgr.createInstanceWithContext('com.sun.star.text.TextDocument', ctx)
        doc.load((prop('URL', uno.systemPathToFileUrl(os.path.abspath(src))), prop('FilterName', 'MS Word 2007 XML')))
        text = doc.getText()
        doc.RecordChanges = True
        for edit in spec.get('edits', []):
            rng = find_once(text, edit['find'])
            if edit['kind'] == 'replace':
                rng.setString(edit['text'])
            elif edit['kind'] == 'delete':
                rng.setString('')
            elif edit['kind'] == 'insert-after':
                rng.collapseToEnd()
                text.insertString(rng, edit['text'], False)
            else:
                sys.exit(f'unknown edit kind {edit["kind"]}')
        # Comments last, with recording off: an annotation is not a tracked change.
        doc.RecordChanges = False
        for c in spec.get('comments', []):
            cursor = find_once(text, c['find'])
            note = doc.createInstance('com.sun.star.text.textfield.Annotation')
            note.Author = c['author']
            note.Content = c['text']
            note.Initials = c['author'][:1]
            note.DateTimeValue = now()
            text.insertTextContent(cursor, note, True)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop('FilterName', 'MS Word 2007 XML'),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


if __name__ == '__main__':
    main()
