package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.application.port.out.attachment.AttachmentRepositoryContract;

class InMemoryAttachmentsTest extends AttachmentRepositoryContract {

    @Override
    protected AttachmentRepository emptyRepository() {
        return new InMemoryAttachments();
    }

    @Override
    protected long userId(int which) {
        return which;
    }

    @Override
    protected long chatId() {
        return 41;
    }
}
