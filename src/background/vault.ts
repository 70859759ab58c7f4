// Where the background keeps what holds names (the user's own settings, the last good school
// policy): IndexedDB in the extension's own origin. Content scripts share a process with the site
// and can read storage.local (and see every storage.onChanged payload); they run in the page's
// origin, so this database is out of their reach. IndexedDB also has no 10 MB quota of its own, so
// a large school policy's last good copy fits (storage.local's quota stopped PostCheck: security 2).
// Chrome (service worker) and Firefox (background page) both provide it.

const DB_NAME = 'postcheck';
const STORE = 'settings';

let db: Promise<IDBDatabase> | null = null;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function open(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('could not open IndexedDB'));
    r.onblocked = () => reject(new Error('IndexedDB is blocked'));
  }).catch((e: unknown) => {
    db = null;
    throw e;
  });
  return db;
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(STORE, mode).objectStore(STORE);
}

export async function vaultGet(key: string): Promise<unknown> {
  return request((await store('readonly')).get(key));
}

/** Writes one value; resolves once the transaction is committed. */
export async function vaultSet(key: string, value: unknown): Promise<void> {
  const s = await store('readwrite');
  s.put(value, key);
  await new Promise<void>((resolve, reject) => {
    s.transaction.oncomplete = () => resolve();
    s.transaction.onerror = () => reject(s.transaction.error ?? new Error('IndexedDB write failed'));
    s.transaction.onabort = () => reject(s.transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

export async function vaultDelete(key: string): Promise<void> {
  const s = await store('readwrite');
  s.delete(key);
  await new Promise<void>((resolve, reject) => {
    s.transaction.oncomplete = () => resolve();
    s.transaction.onerror = () => reject(s.transaction.error ?? new Error('IndexedDB delete failed'));
  });
}
