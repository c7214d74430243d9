import { notifications } from '@mantine/notifications';

export function notifySuccess(message: string) {
  notifications.show({ message, color: 'green', autoClose: 4000 });
}

export function notifyWarning(title: string, message: string) {
  notifications.show({ title, message, color: 'yellow', autoClose: 8000 });
}

export function notifyError(message: string) {
  notifications.show({ message, color: 'red', autoClose: 6000 });
}
