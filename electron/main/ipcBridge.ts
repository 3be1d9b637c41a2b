import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_SHAPE, channelFor } from '../../shared/ipc/channels';
import type { Dispatch } from '../ipc/dispatcher';
import { isTrustedSender } from './senderPolicy';

/** Window roles by webContents id: only windows we created and registered may call in. */
export const windowRoles = new Map<number, 'console' | 'family'>();

export function registerWindow(contents: WebContents, role: 'console' | 'family'): void {
  const id = contents.id;
  windowRoles.set(id, role);
  contents.once('destroyed', () => windowRoles.delete(id));
}

/**
 * One `ipcMain.handle` per contract operation. Each call checks the sender (our origin,
 * top frame, a registered window) before the dispatcher validates the input.
 */
export function registerIpc(dispatch: Dispatch, devServerOrigin: string | null): void {
  for (const [ns, methods] of Object.entries(API_SHAPE)) {
    for (const method of methods) {
      const channel = channelFor(ns, method);
      ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
        const role = windowRoles.get(event.sender.id);
        const frame = event.senderFrame;
        const trusted = isTrustedSender(
          { frameUrl: frame?.url, isMainFrame: !!frame && frame === event.sender.mainFrame, role },
          devServerOrigin,
        );
        if (!trusted || !role) return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } };
        return dispatch(channel, input, { scope: role });
      });
    }
  }
}
